from liaison.consultations.models import ConsultationState
from liaison.consultations.services.relay import consultation_confirm_read, consultation_relay
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.services.routing import consultation_accept_forward, consultation_forward
from liaison.consultations.tests.builders import reply_form


def test_forward_reply_relay_confirm(desk):
    c = desk.raise_()
    assert c.guide == desk.guide and c.first_contact == desk.guide
    c = consultation_forward(
        actor=desk.guide, consultation=c, to_item=desk.other_item, note="属自然资源局事项"
    )
    assert c.state == ConsultationState.FORWARDED and c.guide == desk.other_guide
    c = consultation_accept_forward(actor=desk.other_guide, consultation=c)
    reply = consultation_reply(actor=desk.other_guide, consultation=c, form=reply_form())
    assert reply.materials.count() == 2
    c = consultation_relay(actor=desk.officer, consultation=c, text="请准备两项材料")
    c = consultation_confirm_read(actor=desk.world.applicant, consultation=c)
    assert c.state == ConsultationState.CONFIRMED
