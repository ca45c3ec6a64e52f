"""The demo consultations (see demo.py): what is asked on which project item, and how far each one goes."""

from __future__ import annotations

from dataclasses import dataclass, field

from liaison.consultations.services.replies import MaterialLine

FULL, PARTIAL, ITEMS = "滇池星城二期商业综合体", "翠湖智造研发中心", "五华区城市更新示范片区配套工程"

CONDITIONS = {
    "NRP-002": ["已签订国有建设用地使用权出让合同并缴清出让价款", "建设项目符合控制性详细规划确定的规划条件"],
    "EEB-001": ["已取得项目备案或核准文件", "环境影响报告书经技术评估且公众参与程序完成"],
    "WAT-001": ["水土保持方案由具备能力的单位编制", "方案已通过专家技术评审"],
    "HCD-004": ["已取得建设工程规划许可证", "施工图设计文件审查合格，施工、监理单位已确定"],
    "CAD-001": ["结建防空地下室面积符合应建标准", "人防工程施工图由具备人防设计资质的单位编制"],
}


@dataclass
class Scenario:
    """One consultation: where it is raised, what is asked, and how far it goes."""

    project: str
    code: str
    subject: str
    situation: str
    requests: str
    channel: str
    steps: list[str] = field(default_factory=list)
    days_back: list[int] = field(default_factory=list)  # working days ago of each recorded step, in order
    forward_to: str = ""
    opinion: str = "符合办理条件，请按本表一次性告知的条件和材料清单准备后申报。"
    extra_materials: list[MaterialLine] = field(default_factory=list)
    reason: str = ""
    relay_text: str = ""
    light: str = ""  # for one still waiting: the reply light it should show today
    urge: bool = False  # the centre urges the guide (催办)


def demo_scenarios() -> list[Scenario]:
    return [
        Scenario(
            FULL,
            "NRP-002",
            "建设用地规划许可证核发材料及时限咨询",
            "项目已签订土地出让合同并缴清价款，拟申请建设用地规划许可证。",
            "请一次性告知办理条件、全部申报材料及办理时限。",
            "accompanied_visit",
            steps=["reply", "relay", "confirm", "follow_up", "close"],
            days_back=[14, 13, 12, 11, 10, 8],
            opinion="项目符合办理条件。请按清单准备材料，经办人持授权委托书到窗口申报。",
            relay_text="自然资源分局答复：可以办理，材料按附表准备，受理后5个工作日办结。",
        ),
        Scenario(
            FULL,
            "EEB-001",
            "环境影响报告书编制及审批要求咨询",
            "项目含地下车库及商业餐饮，环评类别待确认。",
            "请告知应编制报告书还是报告表，以及审批所需材料和公众参与要求。",
            "online",
            steps=["reply", "relay", "confirm", "follow_up"],
            days_back=[9, 8, 7, 7, 6],
            opinion="项目应编制环境影响报告书，并按规定开展公众参与后报批。",
        ),
        Scenario(
            FULL,
            "WAT-001",
            "水土保持方案补正内容咨询",
            "水土保持方案已提交，窗口要求补正。",
            "请明确补正的具体内容和专家评审安排。",
            "phone",
            steps=["reply", "relay"],
            days_back=[5, 4, 3],
            opinion="请补充土石方平衡分析和临时堆土防护措施，补正后安排专家评审。",
        ),
        Scenario(
            FULL,
            "HCD-004",
            "施工许可证办理条件咨询",
            "施工图审查已启动，施工总承包单位已确定。",
            "请告知施工许可证的办理条件及可否容缺受理。",
            "visit",
            steps=["reply"],
            days_back=[7, 2],  # answered after the deadline: counts as a late reply
            opinion="施工图审查合格后方可办理；监理合同可容缺受理，须在领证前补齐。",
        ),
        Scenario(
            FULL,
            "AMR-001",
            "电梯井道消防设计要求咨询",
            "商业综合体设消防电梯4部，井道设计需同时满足特种设备和消防要求。",
            "请明确消防电梯井道的设计审查要求。",
            "phone",
            steps=["forward"],
            days_back=[2, 1],
            forward_to="HCD-002",
        ),
        Scenario(
            PARTIAL,
            "HCD-001",
            "施工图审查中人防设计问题咨询",
            "研发中心设一层地下室，施工图审查提出人防设计意见。",
            "请告知结建防空地下室的设计审查要求。",
            "online",
            steps=["forward", "accept", "reply", "relay", "confirm"],
            days_back=[8, 8, 7, 6, 5, 4],
            forward_to="CAD-001",
            opinion="项目应按规定修建防空地下室，人防施工图须单独报审。",
        ),
        Scenario(
            PARTIAL,
            "NRP-004",
            "建设工程规划许可证申报咨询",
            "设计方案已通过审查，拟申请建设工程规划许可证。",
            "请告知申报材料及是否需要公示。",
            "online",
            light="green",
        ),
        Scenario(
            ITEMS,
            "NRP-001",
            "用地预审与选址意见书办理咨询",
            "配套工程涉及两宗地块，选址尚在比选。",
            "请告知选址意见书办理条件及两宗地块能否合并申报。",
            "phone",
            light="red",
            urge=True,
        ),
        Scenario(
            FULL,
            "DRC-003",
            "节能审查报告编制咨询",
            "项目年综合能源消费量约2800吨标准煤。",
            "请告知是否需要编制节能报告及审查时限。",
            "visit",
            light="yellow",
        ),
        Scenario(
            ITEMS,
            "DRC-001",
            "项目备案信息变更咨询",
            "配套工程建设内容有调整。",
            "请告知备案信息变更的办理方式。",
            "online",
            steps=["withdraw"],
            days_back=[6, 5],
        ),
        # The same project item as the first: a material the first complete reply did not name.
        Scenario(
            FULL,
            "NRP-002",
            "方案调整后用地规划许可补充咨询",
            "项目单位调整建设方案，拟增加地下商业空间。",
            "请告知方案调整后是否需要补充材料。",
            "online",
            steps=["reply"],
            days_back=[3, 2],
            opinion="方案调整涉及地下空间开发利用，须补充提交地下空间开发利用方案。",
            extra_materials=[
                MaterialLine(
                    name="地下空间开发利用方案",
                    form="original",
                    copies=2,
                    issuing_body="设计单位",
                    how_to_obtain="委托设计单位编制",
                )
            ],
            reason="项目单位调整建设方案，增加地下商业空间，首次告知时尚无此内容。",
        ),
    ]
