"""Catalogue exchange: the guide roster's documents, and the catalogue workbook's export and import."""
