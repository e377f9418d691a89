"""SQLModel tables for places and people (domain.md, "Entities").

Every synced table has a text UUID primary key made where the row is created
(deterministic for rows with a natural key, see gridkeeper.ids) and a
`deleted` tombstone flag: synced rows are never DELETEd. The change-capture
triggers (store/capture.py) log every insert and update of these tables.

Importing this module costs ~0.6 s (pydantic): the read path and the first
window use SQLAlchemy Core queries and do not import it.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


class Synced(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True)
    deleted: bool = Field(default=False)


class Community(Synced, table=True):
    """社区: a community committee's area, identified by its division code."""

    name: str
    division_code: str | None = None


class Compound(Synced, table=True):
    """小区: governed jointly by the community, the HOA (业委会) and a property company (物业)."""

    community_id: str = Field(foreign_key="community.id", index=True)
    name: str
    property_company: str | None = None
    hoa: str | None = None
    # The grid covering the whole compound ("全部"); its buildings carry it too (migration 0009).
    grid_id: str | None = Field(default=None, index=True)


class Grid(Synced, table=True):
    """网格: the unit a cadre is stationed in; a set of buildings of one community."""

    community_id: str = Field(foreign_key="community.id", index=True)
    name: str
    code: str | None = None


class Building(Synced, table=True):
    """楼栋/幢."""

    compound_id: str = Field(foreign_key="compound.id", index=True)
    grid_id: str | None = Field(default=None, foreign_key="grid.id", index=True)
    name: str
    units: int | None = None
    floors: int | None = None


class Household(Synced, table=True):
    """户: one flat; one file per household (一户一档)."""

    building_id: str = Field(foreign_key="building.id", index=True)
    unit: str = ""
    room: str
    household_no: str | None = None
    residence_status: str | None = None  # 人户一致 / 人在户不在 / 户在人不在
    note: str | None = None
    vacant_since: date | None = None  # 空户: nobody lives in the flat since this day
    merged_into: str | None = Field(default=None, index=True)  # tombstoned as the same household as this one


class Person(Synced, table=True):
    household_id: str | None = Field(default=None, foreign_key="household.id", index=True)
    name: str
    id_number: str | None = Field(default=None, index=True)
    gender: str | None = None  # "M" / "F"
    birth_date: date | None = None
    ethnicity: str | None = None
    relation_to_head: str | None = None  # 与户主关系: 户主, 配偶, 子, 女, ...
    phones: str = "[]"  # JSON list of normalised numbers; a person may have several
    status: str = "active"  # active / moved_out / deceased
    note: str | None = None


class Tag(Synced, table=True):
    """独居, 空巢, 高龄, 残疾, 低保, ...; sensitive tags are personal information under PIPL art. 28."""

    name: str
    sensitive: bool = False


class PersonTag(Synced, table=True):
    person_id: str = Field(foreign_key="person.id", index=True)
    tag_id: str = Field(foreign_key="tag.id", index=True)
    detail: str | None = None  # e.g. disability type and grade


class Cadre(Synced, table=True):
    """驻格干部 / 网格员."""

    name: str
    phone: str | None = None
    role: str | None = None
    community_id: str | None = Field(default=None, foreign_key="community.id")


class Assignment(Synced, table=True):
    """包联: a cadre stationed in a grid."""

    cadre_id: str = Field(foreign_key="cadre.id", index=True)
    grid_id: str = Field(foreign_key="grid.id", index=True)
    start_date: date | None = None
    end_date: date | None = None


class VolunteerTeam(Synced, table=True):
    """志愿服务队: the source article's street has 324 of them."""

    name: str
    community_id: str | None = Field(default=None, foreign_key="community.id")
    leader: str | None = None
    # Migration 0014: clubs too (共享社团), see gridkeeper.organisations.TEAM_KINDS; the compound it serves.
    kind: str | None = None
    compound_id: str | None = Field(default=None, index=True)


class Volunteer(Synced, table=True):
    name: str
    phone: str | None = None
    team_id: str | None = Field(default=None, foreign_key="volunteerteam.id", index=True)


class CarePlan(Synced, table=True):
    """How often a person (or a whole household) is contacted, by whom (每日一联系)."""

    household_id: str = Field(foreign_key="household.id", index=True)
    person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    frequency: str  # daily / every_n_days / weekly / monthly
    interval_days: int | None = None  # for every_n_days
    cadre_id: str | None = Field(default=None, foreign_key="cadre.id", index=True)
    volunteer_id: str | None = Field(default=None, foreign_key="volunteer.id")
    start_date: date
    end_date: date | None = None
    note: str | None = None


class ContactLog(Synced, table=True):
    """One call, door knock, visit or video call. Append-only."""

    household_id: str = Field(foreign_key="household.id")
    person_id: str | None = Field(default=None, foreign_key="person.id")
    contact_date: date  # the local calendar day: due dates are counted in days, not hours
    contacted_at: str  # local time "YYYY-MM-DD HH:MM"
    cadre_id: str | None = Field(default=None, foreign_key="cadre.id")
    volunteer_id: str | None = Field(default=None, foreign_key="volunteer.id")
    method: str  # phone / door / visit / video
    outcome: str  # well / needs_help / no_answer / in_hospital / not_home
    note: str | None = None
    need: str | None = None  # a need raised during the contact, until the four lists take it
    corrects_id: str | None = None  # this row corrects that one, which then no longer counts (0012)
    correction_reason: str | None = None  # why, said by the cadre who corrected


class ServiceRecord(Synced, table=True):
    """A service delivered (送菜, 送药, 代购代办, 话聊, 清理, 送医, other). Append-only."""

    household_id: str = Field(foreign_key="household.id", index=True)
    person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    service_type: str
    served_on: date
    cadre_id: str | None = Field(default=None, foreign_key="cadre.id")
    volunteer_id: str | None = Field(default=None, foreign_key="volunteer.id")
    duration_minutes: int | None = None
    contact_id: str | None = Field(default=None, foreign_key="contactlog.id")
    note: str | None = None


class AuditLog(Synced, table=True):
    """Who revealed or exported which personal information, when (PIPL). Append-only."""

    at: str
    cadre_id: str | None = Field(default=None, foreign_key="cadre.id")
    device_id: str
    action: str  # reveal / export
    tbl: str
    row_id: str
    field: str | None = None
    note: str | None = None
class MediationCase(Synced, table=True):
    """调解案件 (People's Mediation Law): what is current about one dispute.

    `number` is fixed at creation ("2026-K7QD-015": year, device prefix, the
    device's sequence); (device_id, device_seq) is unique by construction.
    """

    number: str = Field(index=True)
    year: int
    device_id: str
    device_seq: int
    received_on: date
    source: str  # see gridkeeper.mediation.SOURCES
    category: str  # see gridkeeper.mediation.CATEGORIES
    compound_id: str | None = Field(default=None, foreign_key="compound.id", index=True)
    summary: str = ""
    mediators: str = ""  # names, 、-separated: cadres or volunteers
    status: str = "received"
    agreement_form: str | None = None  # written / oral
    agreement_on: date | None = None
    agreement_facts: str | None = None
    agreement_terms: str | None = None
    performance_method: str | None = None
    performance_due: date | None = None
    remedies_told: str | None = None  # failed: what the parties were told of other remedies
    escalation_level: str | None = None  # community / street / judicial
    final_seq: int | None = None  # the committee's number (第15号) once issued; null: `number` is provisional
    escalation_reason: str | None = None
    next_visit_due: date | None = Field(default=None, index=True)


class MediationParty(Synced, table=True):
    case_id: str = Field(foreign_key="mediationcase.id", index=True)
    role: str  # applicant / respondent / other
    name: str
    contact: str | None = None
    address: str | None = None
    person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    household_id: str | None = Field(default=None, foreign_key="household.id", index=True)
    agent: str | None = None
    # As the agreement form asks (migration 0011); a linked resident's file fills the empty ones.
    gender: str | None = None  # "M" / "F"
    ethnicity: str | None = None
    birth_date: date | None = None
    id_number: str | None = None


class MediationSession(Synced, table=True):
    """Append-only: a correction is a new session record."""

    case_id: str = Field(foreign_key="mediationcase.id", index=True)
    held_at: str  # local wall time "2026-11-02 19:30:00" (see migration 0005)
    place: str = ""
    attendees: str = ""
    record: str = ""


class MediationStatusChange(Synced, table=True):
    """Append-only history of a case's status."""

    case_id: str = Field(foreign_key="mediationcase.id", index=True)
    changed_at: str  # local wall time
    from_status: str | None = None
    to_status: str
    note: str = ""
    by_name: str = ""


class ReturnVisit(Synced, table=True):
    """回访, append-only. The next visit due lives on the case."""

    case_id: str = Field(foreign_key="mediationcase.id", index=True)
    visited_on: date
    result: str
    by_name: str = ""
class NightWalk(Synced, table=True):
    """周夜行: a weekly night walk through one or more grids, with the property company and the HOA."""

    walk_date: date = Field(index=True)  # local date the walk started
    start_time: str  # "HH:MM", local
    end_time: str  # "HH:MM"; earlier than start_time means after midnight
    leader: str  # the leader's name as written on the log
    leader_cadre_id: str | None = Field(default=None, foreign_key="cadre.id")
    route: str | None = None
    notes: str | None = None


class WalkGrid(Synced, table=True):
    """A grid a night walk covered (id: uuid5 of walk and grid, so re-adding revives it)."""

    walk_id: str = Field(foreign_key="nightwalk.id", index=True)
    grid_id: str = Field(foreign_key="grid.id", index=True)


class WalkParticipant(Synced, table=True):
    """Who walked: cadres, and people from the property company and the HOA, by name and party."""

    walk_id: str = Field(foreign_key="nightwalk.id", index=True)
    party: str  # cadre / property / hoa / other
    name: str
    cadre_id: str | None = Field(default=None, foreign_key="cadre.id")


class Finding(Synced, table=True):
    """What a walk found. Append-only: never edited; an unsettled one becomes a problem (ListItem.finding_id)."""

    walk_id: str = Field(foreign_key="nightwalk.id", index=True)
    grid_id: str | None = Field(default=None, foreign_key="grid.id", index=True)
    compound_id: str | None = Field(default=None, foreign_key="compound.id")
    building_id: str | None = Field(default=None, foreign_key="building.id")
    place: str = ""  # free text: "3幢东侧消防通道"
    category: str  # see gridkeeper.walks.CATEGORIES
    severity: str  # low / medium / high
    note: str = ""
    settled: bool = False  # settled on the spot (现场解决)
    position: int = 0  # order of entry within the walk


class ListItem(Synced, table=True):
    """四张清单: one problem, need, service or project, with its claim workflow (领办)."""

    kind: str = Field(index=True)  # problem / need / service / project
    title: str
    detail: str | None = None
    source: str  # night_walk / door_knock / secretary / meeting / resident
    category: str | None = None  # a finding's category, for problems from night walks
    finding_id: str | None = Field(default=None, foreign_key="finding.id", index=True)
    grid_id: str | None = Field(default=None, foreign_key="grid.id", index=True)
    compound_id: str | None = Field(default=None, foreign_key="compound.id", index=True)
    household_id: str | None = Field(default=None, foreign_key="household.id")
    owner_party: str  # community / hoa / property / street / party_member
    owner_name: str | None = None  # the property company, the Party member, ...
    claimant: str | None = None  # who claimed it (领办人)
    due_date: date | None = None
    opened_on: date
    closed_on: date | None = None  # when it was done (or declined)
    status: str = Field(default="open", index=True)
    decline_reason: str | None = None
    resolution: str | None = None
    feedback: str | None = None  # the resident's words
    satisfaction: str | None = None  # satisfied / basic / not
    escalation_level: str = "compound"  # compound / community / street


class ListItemHistory(Synced, table=True):
    """One status change of a list item. Append-only: the history is kept, never overwritten.

    Read in order of `at`, then of arrival (rowid), for changes made within one second."""

    item_id: str = Field(foreign_key="listitem.id", index=True)
    at: str  # local date and time, ISO "YYYY-MM-DDTHH:MM:SS"
    from_status: str | None = None  # None: the item was opened
    to_status: str
    by: str = ""
    note: str | None = None


class Escalation(Synced, table=True):
    """小事协商办、大事联动办: a list item handed up a level, by whom and why. Append-only."""

    item_id: str = Field(foreign_key="listitem.id", index=True)
    at: str
    from_level: str
    to_level: str
    by: str
    reason: str
    from_owner: str | None = None  # who held the item before ("物业 · 南虹物业"), migration 0012
    to_owner: str | None = None  # who holds it now


class ListLink(Synced, table=True):
    """A need met by a service or a project (id: uuid5 of both; unlinking tombstones it)."""

    need_id: str = Field(foreign_key="listitem.id", index=True)
    meets_id: str = Field(foreign_key="listitem.id", index=True)


# -- organisations (migration 0014): owners' committees, Party organisations, property
# supervision, satisfaction surveys, the work of clubs and volunteer teams.


class PropertyCompany(Synced, table=True):
    """物业服务企业 under the street's supervision."""

    name: str
    contact: str | None = None  # the person the street calls
    phone: str | None = None
    note: str | None = None


class PropertyContract(Synced, table=True):
    """A company serving a compound from start_date; a change of company ends it (end_date, exit_reason)."""

    compound_id: str = Field(foreign_key="compound.id", index=True)
    company_id: str = Field(foreign_key="propertycompany.id", index=True)
    start_date: date
    end_date: date | None = None  # the last day served; None while it serves
    exit_reason: str | None = None


class OwnersCommittee(Synced, table=True):
    """业委会: one row per elected term of a compound's owners' committee."""

    compound_id: str = Field(foreign_key="compound.id", index=True)
    elected_on: date
    term_ends: date
    name: str | None = None


class CommitteeMember(Synced, table=True):
    committee_id: str = Field(foreign_key="ownerscommittee.id", index=True)
    name: str
    role: str  # chair / vice_chair / member
    party_member: bool = False


class PartyOrg(Synced, table=True):
    """The compound's Party branch or group (小区党支部/党小组), with its secretary."""

    compound_id: str = Field(foreign_key="compound.id", index=True)
    kind: str  # branch / group
    name: str
    secretary: str
    founded_on: date | None = None


class Inspection(Synced, table=True):
    """An inspection of a property company's service in a compound. Append-only."""

    compound_id: str = Field(foreign_key="compound.id", index=True)
    company_id: str = Field(foreign_key="propertycompany.id", index=True)
    inspected_on: date
    inspectors: str
    note: str | None = None


class InspectionCheck(Synced, table=True):
    """One checklist item of an inspection; a failed one with a finding became a problem. Append-only."""

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    item: str
    passed: bool
    finding: str | None = None
    problem_id: str | None = Field(default=None, foreign_key="listitem.id")


class ServiceEvaluation(Synced, table=True):
    """季度物业服务评价: one party's scores (0-100 per item, JSON) for one compound and quarter.

    id: uuid5 of compound, quarter and party, so a second entry replaces the first."""

    compound_id: str = Field(foreign_key="compound.id", index=True)
    company_id: str = Field(foreign_key="propertycompany.id", index=True)
    quarter: str = Field(index=True)  # "2026-Q3"
    party: str  # community / hoa / residents
    scores: str  # JSON object: item -> score


class Survey(Synced, table=True):
    """满意度调查 in a compound: households asked and answered, and how many were satisfied,
    overall and per topic (None: the topic was not asked)."""

    compound_id: str = Field(foreign_key="compound.id", index=True)
    surveyed_on: date = Field(index=True)
    method: str  # door / phone / paper / online
    asked: int
    answered: int
    overall: int
    property_service: int | None = None
    environment: int | None = None
    safety: int | None = None
    neighbours: int | None = None
    community_work: int | None = None
    note: str | None = None


class TeamActivity(Synced, table=True):
    """An activity of a club or volunteer team: how many took part, for how long, how many households served."""

    team_id: str = Field(foreign_key="volunteerteam.id", index=True)
    held_on: date = Field(index=True)
    what: str
    compound_id: str | None = Field(default=None, foreign_key="compound.id", index=True)
    participants: int
    duration_minutes: int  # per participant: volunteer hours = participants x duration
    households_served: int = 0
    item_id: str | None = Field(default=None, foreign_key="listitem.id")  # the service it did for the four lists


class ActivityVolunteer(Synced, table=True):
    """A named volunteer who took part (id: uuid5 of activity and volunteer)."""

    activity_id: str = Field(foreign_key="teamactivity.id", index=True)
    volunteer_id: str = Field(foreign_key="volunteer.id", index=True)
# -- meetings, deliberation, weekend duty (issue 22, migration 0013) -------------


class Meeting(Synced, table=True):
    """A meeting (月度三方联席会议, 季度督考会, ...) of a compound or a community."""

    kind: str  # see gridkeeper.meetings.KINDS
    held_on: date = Field(index=True)
    place: str = ""
    compound_id: str | None = Field(default=None, foreign_key="compound.id", index=True)
    community_id: str | None = Field(default=None, foreign_key="community.id", index=True)
    title: str = ""
    recorded_by: str = ""


class MeetingAttendee(Synced, table=True):
    meeting_id: str = Field(foreign_key="meeting.id", index=True)
    side: str  # party / hoa / property / community / cadre / resident
    name: str
    person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    household_id: str | None = Field(default=None, foreign_key="household.id", index=True)


class AgendaItem(Synced, table=True):
    """One item of a meeting's agenda, its minutes and its decision."""

    meeting_id: str = Field(foreign_key="meeting.id", index=True)
    position: int
    source: str  # carried / escalated / overdue / mediation / visit / hand
    title: str
    ref_id: str | None = Field(default=None, index=True)  # the list item, case or earlier agenda item
    minutes: str = ""
    decision: str = ""
    owner_party: str | None = None
    owner_name: str | None = None
    due_date: date | None = None
    list_item_id: str | None = Field(default=None, foreign_key="listitem.id", index=True)


class Deliberation(Synced, table=True):
    """议事: 党组织先议 → 三方协议 → 居民合议 → decision; the current record of each stage."""

    compound_id: str = Field(foreign_key="compound.id", index=True)
    title: str
    detail: str = ""
    opened_on: date
    stage: str = "party"  # see gridkeeper.meetings.deliberation.STAGES
    party_on: date | None = None
    party_opinion: str | None = None
    tripartite_on: date | None = None
    tripartite_agreed: str | None = None
    residents_on: date | None = None
    residents_method: str | None = None
    households_consulted: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    not_reached: int | None = None
    by_building: str | None = None  # JSON {building: [for, against, abstain, not reached]}
    decided_on: date | None = None
    decision_note: str | None = None


class DeliberationStep(Synced, table=True):
    """One move of a deliberation (advance, decision, send-back). Append-only."""

    deliberation_id: str = Field(foreign_key="deliberation.id", index=True)
    at: str
    from_stage: str | None = None
    to_stage: str
    note: str = ""
    by_name: str = ""


class DeliberationLink(Synced, table=True):
    """A list item implementing an adopted deliberation (id: uuid5 of both)."""

    deliberation_id: str = Field(foreign_key="deliberation.id", index=True)
    item_id: str = Field(foreign_key="listitem.id", index=True)


class DutyShift(Synced, table=True):
    """我与书记有约: one compound's weekend evening on duty (id: uuid5 of compound and day)."""

    compound_id: str = Field(foreign_key="compound.id", index=True)
    on_date: date = Field(index=True)
    place: str = ""
    secretary: str = ""
    hoa_chair: str = ""
    cadres: str = ""  # names joined by 、


class DutyMatter(Synced, table=True):
    """A matter taken on duty: 收集、办理、反馈."""

    shift_id: str = Field(foreign_key="dutyshift.id", index=True)
    taken_at: str
    resident: str
    person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    household_id: str | None = Field(default=None, foreign_key="household.id", index=True)
    what: str
    category: str  # dispute / practical / suggestion / complaint
    outcome: str = "open"  # open / settled / mediation / list_item / escalated
    outcome_on: date | None = None
    outcome_ref: str | None = None  # the mediation case or list item it became
    outcome_note: str = ""
    feedback: str | None = None
    feedback_on: date | None = None


class Attachment(Synced, table=True):
    """A photo or scanned file attached to a finding, list item, mediation case or household.

    The bytes are a blob in the profile folder (store/blobs.py), named by a keyed hash; only
    `caption` and `deleted` change after the insert (removal is a tombstone)."""

    entity: str = Field(index=False)  # finding / listitem / mediationcase / household
    entity_id: str
    blob: str
    sha256: str  # of the plain bytes: checked whenever the blob is read, from the profile or the share
    kind: str  # jpeg / png / pdf
    size: int
    width: int | None = None
    height: int | None = None
    caption: str = ""
    added_by: str = ""
    added_at: str  # local date and time, ISO "YYYY-MM-DDTHH:MM:SS"


#: Synced tables in dependency order (parents first): dumps and sync use this order.
class MediationNumberBlock(Synced, table=True):
    """Agreement numbers of one year a laptop may issue (第15号 … 第24号), granted by the numbering
    laptop only (see gridkeeper.mediation.numbers): two blocks never overlap. Append-only."""

    year: int = Field(index=True)
    device_id: str = Field(index=True)
    first: int
    last: int
    granted_at: str


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Community,
    Compound,
    Grid,
    Building,
    Household,
    Person,
    Tag,
    PersonTag,
    Cadre,
    Assignment,
    VolunteerTeam,
    Volunteer,
    CarePlan,
    ContactLog,
    ServiceRecord,
    AuditLog,
    MediationCase,
    MediationParty,
    MediationSession,
    MediationStatusChange,
    ReturnVisit,
    NightWalk,
    WalkGrid,
    WalkParticipant,
    Finding,
    ListItem,
    ListItemHistory,
    Escalation,
    ListLink,
    PropertyCompany,
    PropertyContract,
    OwnersCommittee,
    CommitteeMember,
    PartyOrg,
    Inspection,
    InspectionCheck,
    ServiceEvaluation,
    Survey,
    TeamActivity,
    ActivityVolunteer,
    Meeting,
    MeetingAttendee,
    AgendaItem,
    Deliberation,
    DeliberationStep,
    DeliberationLink,
    DutyShift,
    DutyMatter,
    MediationNumberBlock,
    Attachment,
)
