//! Who an intensive is for: the format, the participants, a person, the care team, and who
//! attends a block.

use super::BlockKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Couples,
    Individual,
}

/// Who the intensive is for. The format follows from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Participants {
    Couple {
        partner_a: String,
        partner_b: String,
    },
    Individual {
        client: String,
    },
}

impl Participants {
    pub fn format(&self) -> Format {
        match self {
            Participants::Couple { .. } => Format::Couples,
            Participants::Individual { .. } => Format::Individual,
        }
    }

    /// "Alex & Sam" or "Jo".
    pub fn names(&self) -> String {
        match self {
            Participants::Couple {
                partner_a,
                partner_b,
            } => format!("{partner_a} & {partner_b}"),
            Participants::Individual { client } => client.clone(),
        }
    }

    /// The people in this plan: partners A and B, or the client.
    pub fn people(&self) -> &'static [Person] {
        match self {
            Participants::Couple { .. } => &[Person::PartnerA, Person::PartnerB],
            Participants::Individual { .. } => &[Person::Client],
        }
    }

    /// The clients of a joint block: both partners, or the client (the team not counted).
    pub fn everyone(&self) -> Attendees {
        match self {
            Participants::Couple { .. } => Attendees::of(&[Member::PartnerA, Member::PartnerB]),
            Participants::Individual { .. } => Attendees::of(&[Member::Client]),
        }
    }
}

/// Someone who can be in a block: the couple's partners or the individual client, and the
/// care team (the therapist always; a co-therapist and a sober monitor when the plan names them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Member {
    PartnerA,
    PartnerB,
    Client,
    Therapist,
    CoTherapist,
    SoberMonitor,
}

impl Member {
    pub const ALL: [Member; 6] = [
        Member::PartnerA,
        Member::PartnerB,
        Member::Client,
        Member::Therapist,
        Member::CoTherapist,
        Member::SoberMonitor,
    ];

    /// The stable snake_case name used in files and links.
    pub fn code(self) -> &'static str {
        match self {
            Member::PartnerA => "partner_a",
            Member::PartnerB => "partner_b",
            Member::Client => "client",
            Member::Therapist => "therapist",
            Member::CoTherapist => "co_therapist",
            Member::SoberMonitor => "sober_monitor",
        }
    }

    pub fn from_code(code: &str) -> Option<Member> {
        Member::ALL.into_iter().find(|m| m.code() == code)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }

    /// One of the people the intensive is for (not the care team).
    pub fn is_client(self) -> bool {
        matches!(self, Member::PartnerA | Member::PartnerB | Member::Client)
    }

    /// The role mid-sentence: "co-therapist" (spelled out: a case mapping costs kilobytes of
    /// wasm).
    pub fn role_in_text(self) -> &'static str {
        match self {
            Member::PartnerA => "partner A",
            Member::PartnerB => "partner B",
            Member::Client => "client",
            Member::Therapist => "therapist",
            Member::CoTherapist => "co-therapist",
            Member::SoberMonitor => "sober monitor",
        }
    }

    /// What the member is, for labels: "Partner A", "Therapist".
    pub fn role(self) -> &'static str {
        match self {
            Member::PartnerA => "Partner A",
            Member::PartnerB => "Partner B",
            Member::Client => "Client",
            Member::Therapist => "Therapist",
            Member::CoTherapist => "Co-therapist",
            Member::SoberMonitor => "Sober monitor",
        }
    }
}

impl From<Person> for Member {
    fn from(person: Person) -> Member {
        match person {
            Person::PartnerA => Member::PartnerA,
            Person::PartnerB => Member::PartnerB,
            Person::Client => Member::Client,
        }
    }
}

/// The care team, as the plan's details name them. The therapist is always there (an empty
/// name reads "Therapist"); a co-therapist or a sober monitor takes part once named.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Team {
    pub therapist: String,
    pub co_therapist: String,
    pub sober_monitor: String,
}

impl Team {
    /// The name typed for a member of the team, blank when none was.
    pub fn name_of(&self, member: Member) -> Option<&str> {
        let name = match member {
            Member::Therapist => &self.therapist,
            Member::CoTherapist => &self.co_therapist,
            Member::SoberMonitor => &self.sober_monitor,
            _ => return None,
        };
        Some(name.trim())
    }

    /// Whether this member of the team takes part in the plan.
    pub fn has(&self, member: Member) -> bool {
        member == Member::Therapist || self.name_of(member).is_some_and(|n| !n.is_empty())
    }
}

/// Who attends a block: a set of members. A valid block has at least one client in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Attendees(u8);

impl Attendees {
    pub const NONE: Attendees = Attendees(0);
    const CLIENTS: u8 = 0b111;

    pub fn of(members: &[Member]) -> Attendees {
        Attendees(members.iter().fold(0, |bits, m| bits | m.bit()))
    }

    /// The attendees a block of this kind usually has: these clients, and the therapist in
    /// every block but a break, a meal or rest (how plans from before format 7 are read).
    pub fn usual(kind: BlockKind, clients: Attendees) -> Attendees {
        let clients = clients.clients();
        if kind.is_pause() || kind == BlockKind::Rest {
            clients
        } else {
            clients.with(Member::Therapist)
        }
    }

    pub fn contains(self, member: Member) -> bool {
        self.0 & member.bit() != 0
    }

    pub fn with(self, member: Member) -> Attendees {
        Attendees(self.0 | member.bit())
    }

    pub fn without(self, member: Member) -> Attendees {
        Attendees(self.0 & !member.bit())
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Those in both sets.
    pub fn common(self, other: Attendees) -> Attendees {
        Attendees(self.0 & other.0)
    }

    /// Moved from one person's lane to another's: `to` takes the place of `from`. Someone who
    /// is there already stays, and nobody is added twice.
    pub fn moved(self, from: Member, to: Member) -> Attendees {
        if self.contains(from) && !self.contains(to) {
            self.without(from).with(to)
        } else {
            self
        }
    }

    /// Whether anyone attends both.
    pub fn shares(self, other: Attendees) -> bool {
        !self.common(other).is_empty()
    }

    /// These attendees with `clients` in place of their own clients (the team stays).
    pub fn with_clients(self, clients: Attendees) -> Attendees {
        Attendees((self.0 & !Self::CLIENTS) | clients.clients().0)
    }

    /// The clients alone, without the care team.
    pub fn clients(self) -> Attendees {
        Attendees(self.0 & Self::CLIENTS)
    }

    pub fn members(self) -> impl Iterator<Item = Member> {
        Member::ALL.into_iter().filter(move |m| self.contains(*m))
    }

    /// Whether these attendees make sense for the plan: at least one client, only the
    /// participants' own (no "partner A" for an individual), and only team members it names.
    pub fn fits(self, participants: &Participants, team: &Team) -> bool {
        !self.clients().is_empty()
            && self.members().all(|m| {
                if m.is_client() {
                    participants.people().iter().any(|p| Member::from(*p) == m)
                } else {
                    team.has(m)
                }
            })
    }

    /// Names the clients attending, e.g. "Alex & Sam", "Alex" (what the couple reads).
    pub fn describe(self, participants: &Participants) -> String {
        let names: Vec<String> = participants
            .people()
            .iter()
            .filter(|p| self.contains(Member::from(**p)))
            .map(|p| p.name(participants))
            .collect();
        names.join(" & ")
    }

    /// Names everyone attending, the team too: "Alex & Sam, with Dr. Lee".
    pub fn describe_all(self, participants: &Participants, team: &Team) -> String {
        let clients = self.describe(participants);
        let staff: Vec<String> = self
            .members()
            .filter(|m| !m.is_client())
            .map(|m| member_name(m, participants, team))
            .collect();
        if staff.is_empty() {
            clients
        } else {
            format!("{clients}, with {}", staff.join(" & "))
        }
    }
}

/// A member's name: the client's or partner's name, or the team member's (their role when
/// the details leave it blank).
pub fn member_name(member: Member, participants: &Participants, team: &Team) -> String {
    match member {
        Member::PartnerA => Person::PartnerA.name(participants),
        Member::PartnerB => Person::PartnerB.name(participants),
        Member::Client => Person::Client.name(participants),
        _ => match team.name_of(member) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => member.role().to_string(),
        },
    }
}

/// A member as a label: the name, with the role for the care team ("Dana Reyes (therapist)";
/// "Therapist" alone when unnamed). The block form's boxes and the grid's lane headers.
pub fn member_label(member: Member, participants: &Participants, team: &Team) -> String {
    let name = member_name(member, participants, team);
    if member.is_client() || name == member.role() {
        name
    } else {
        format!("{name} ({})", member.role_in_text())
    }
}

/// The members of a plan, in lane order: the clients, then the team it has.
pub fn plan_members(participants: &Participants, team: &Team) -> Vec<Member> {
    participants
        .people()
        .iter()
        .map(|p| Member::from(*p))
        .chain(
            [Member::Therapist, Member::CoTherapist, Member::SoberMonitor]
                .into_iter()
                .filter(|m| team.has(*m)),
        )
        .collect()
}

/// A person in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Person {
    PartnerA,
    PartnerB,
    Client,
}

impl Person {
    pub fn code(self) -> &'static str {
        match self {
            Person::PartnerA => "partner_a",
            Person::PartnerB => "partner_b",
            Person::Client => "client",
        }
    }

    pub fn from_code(code: &str) -> Option<Person> {
        [Person::PartnerA, Person::PartnerB, Person::Client]
            .into_iter()
            .find(|p| p.code() == code)
    }

    /// The attendees of a block for this person alone.
    pub fn alone(self) -> Attendees {
        Attendees::of(&[Member::from(self)])
    }

    pub fn name(self, participants: &Participants) -> String {
        match (self, participants) {
            (Person::PartnerA, Participants::Couple { partner_a, .. }) => partner_a.clone(),
            (Person::PartnerB, Participants::Couple { partner_b, .. }) => partner_b.clone(),
            (_, Participants::Individual { client }) => client.clone(),
            (Person::Client, Participants::Couple { .. }) => "the client".to_string(),
        }
    }
}

/// Whether two typed names name the same person: spaces around them and the case of ASCII
/// letters do not count (Unicode case tables would cost kilobytes of wasm for a rare miss).
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}
