"""Pages of service plans, project items, materials and to-do lists."""
