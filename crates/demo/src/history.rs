//! The members' histories, simulated day by day over the agenda.
//!
//! Invariants kept by construction (and checked by the tests):
//! - a registration is only ever in a cell that exists on its first day; when a cell is
//!   dissolved by a merger its members move on that day, and nobody leaves the rolls while
//!   registered in a cell that will be dissolved, so every registration stays inside its
//!   cell's life even though the last one never ends;
//! - a member has at most one status change per day, and status changes only follow
//!   admission.

use crate::district::{Cell, District};
use crate::draft::Draft;
use crate::events::{Action, schedule};
use crate::lifecycle::settle_probation;
use crate::people::{IdBook, Person};
use crate::plan::Plan;
use crate::pool::Pool;
use crate::{DISTRICT_CODE, TERM_END, TERM_START};
use chrono::Datelike;
use dangvu_domain::dataset::MemberRecord;
use dangvu_domain::dates::add_months;
use dangvu_domain::{Date, DomainError, MemberCode, MemberStatus};
use rand::Rng;

/// The simulation's state.
pub(crate) struct Sim<'a> {
    /// The tree.
    pub district: &'a District,
    /// Every member so far, in the order of their codes.
    pub drafts: Vec<Draft>,
    /// Active members who may be picked by events.
    pub working: Pool,
    /// Exempted members who may be picked by events.
    pub exempted: Pool,
    /// Identity numbers issued so far.
    pub ids: IdBook,
    /// Members (active or exempted) currently registered in each cell.
    pub sizes: Vec<u32>,
    /// Expected members per unit of cell weight.
    pub scale: f64,
}

/// Where and since when a new draft is registered.
pub(crate) struct Enrolment {
    /// Admission date.
    pub admitted_on: Date,
    /// Registrations as (cell index, since), oldest first.
    pub registrations: Vec<(usize, Date)>,
    /// Whether the probation fails.
    pub fails_probation: bool,
}

impl<'a> Sim<'a> {
    /// Adds a member (its cell's size is counted by the caller); returns its index.
    pub fn enroll(&mut self, person: Person, enrolment: Enrolment) -> Result<usize, DomainError> {
        let index = self.drafts.len();
        let code = MemberCode::parse(&format!("{DISTRICT_CODE}-{:06}", index + 1))?;
        let mut draft = Draft {
            record: MemberRecord {
                code,
                profile: person.profile,
                admitted_on: enrolment.admitted_on,
                official_on: None,
                registrations: Vec::new(),
                statuses: Vec::new(),
            },
            cells: Vec::new(),
            gender: person.gender,
            birth: person.birth,
            home_commune: person.home_commune,
            fails_probation: enrolment.fails_probation,
            troubled_from: None,
        };
        for (cell_index, since) in enrolment.registrations {
            if let Some(cell) = self.district.cells.get(cell_index) {
                draft.register(cell, cell_index, since);
            }
        }
        self.drafts.push(draft);
        if !enrolment.fails_probation {
            self.working.insert(index);
        }
        Ok(index)
    }

    /// One of the cells that exist on `day` and pass `keep`. The chance is the cell's
    /// weight, scaled up when it holds fewer members than expected and down when more, so
    /// that sizes stay close to what each cell is meant to have.
    pub fn pick_cell(
        &self,
        rng: &mut impl Rng,
        day: Date,
        keep: impl Fn(usize, &Cell) -> bool,
    ) -> Option<usize> {
        let candidates: Vec<(usize, u32)> = self
            .district
            .cells
            .iter()
            .enumerate()
            .filter(|(i, c)| c.is_active_on(day) && keep(*i, c))
            .map(|(i, c)| (i, self.pull(i, c)))
            .collect();
        crate::pick::weighted_index(rng, candidates.iter().map(|(_, w)| *w))
            .and_then(|k| candidates.get(k))
            .map(|(i, _)| *i)
    }

    /// How strongly cell `index` draws newcomers: weight × expected / (actual + 1).
    fn pull(&self, index: usize, cell: &Cell) -> u32 {
        let weight = f64::from(cell.weight);
        let size = f64::from(self.sizes.get(index).copied().unwrap_or(0));
        let pull = 100.0 * weight * (weight * self.scale + 1.0) / (size + 1.0);
        pull.round().clamp(1.0, f64::from(u32::MAX)) as u32
    }

    /// Counts one more member in cell `index`.
    pub fn count_in(&mut self, index: usize) {
        if let Some(size) = self.sizes.get_mut(index) {
            *size += 1;
        }
    }

    /// Counts one member less in cell `index`.
    pub fn count_out(&mut self, index: usize) {
        if let Some(size) = self.sizes.get_mut(index) {
            *size = size.saturating_sub(1);
        }
    }

    /// Moves a member on the rolls to cell `index` from `day` on.
    pub fn relocate(&mut self, member: usize, index: usize, day: Date) {
        let (Some(cell), Some(draft)) =
            (self.district.cells.get(index), self.drafts.get_mut(member))
        else {
            return;
        };
        let from = draft.current_cell();
        draft.register(cell, index, day);
        self.count_out(from);
        self.count_in(index);
    }

    /// Takes a member off the rolls with `status` on `day`.
    pub fn strike(&mut self, member: usize, status: MemberStatus, day: Date) {
        let Some(draft) = self.drafts.get_mut(member) else {
            return;
        };
        draft.change_status(status, day);
        if matches!(status, MemberStatus::XoaTen | MemberStatus::KhaiTru) {
            draft.troubled_from = Some(day.year() - 1);
        }
        let cell = draft.current_cell();
        self.count_out(cell);
        self.working.remove(member);
        self.exempted.remove(member);
    }

    /// The cell with index `index`.
    pub fn cell(&self, index: usize) -> Option<&'a Cell> {
        self.district.cells.get(index)
    }

    /// Applies one event; returns the event it entails later, if any (the end of a
    /// probation that will fail).
    pub fn apply(
        &mut self,
        rng: &mut impl Rng,
        day: Date,
        action: Action,
    ) -> Result<Option<(Date, Action)>, DomainError> {
        match action {
            Action::Merge(index) => self.merge(index),
            Action::Found(cell) => self.found(rng, cell, day),
            Action::Admit { fails } => {
                let member = self.admit(rng, day, fails)?;
                let due = add_months(day, 12);
                return Ok(fails.then_some((due, Action::FailProbation(member))));
            }
            Action::Arrive => {
                self.arrive(rng, day)?;
            }
            Action::FailProbation(member) => self.fail_probation(member, day),
            Action::Transfer => self.transfer(rng, day),
            Action::Exempt => self.exempt(rng, day),
            Action::Die { exempted } => self.die(rng, day, exempted),
            Action::Leave(status) => self.leave(rng, day, status),
        }
        Ok(None)
    }

    /// Moves every member of a merged cell into the receiving cell on the merger day.
    fn merge(&mut self, index: usize) {
        let Some(merge) = self.district.merges.get(index).copied() else {
            return;
        };
        let members: Vec<usize> = (0..self.drafts.len())
            .filter(|&m| {
                self.drafts
                    .get(m)
                    .is_some_and(|d| d.current_cell() == merge.from_cell)
            })
            .collect();
        for member in members {
            self.relocate(member, merge.to_cell, merge.on);
        }
    }
}

/// Members per unit of weight on the day of the article's figures.
fn expected_scale(district: &District, plan: &Plan) -> f64 {
    let weights: u32 = district
        .cells
        .iter()
        .filter(|c| c.is_active_on(TERM_END))
        .map(|c| c.weight)
        .sum();
    f64::from(plan.members_at_term_end) / f64::from(weights.max(1))
}

/// Runs the whole history: the population of 2015-08-01, then every event of the plan.
pub(crate) fn simulate(
    district: &District,
    plan: &Plan,
    rng: &mut impl Rng,
) -> Result<Vec<Draft>, DomainError> {
    let mut sim = Sim {
        district,
        drafts: Vec::new(),
        working: Pool::default(),
        exempted: Pool::default(),
        ids: IdBook::default(),
        sizes: vec![0; district.cells.len()],
        scale: expected_scale(district, plan),
    };
    sim.seed_population(rng, plan.initial_members, TERM_START)?;
    sim.seed_exemptions(rng, plan.initial_exempted, TERM_START);
    let mut agenda = schedule(plan, district, rng);
    while let Some((day, action)) = agenda.pop() {
        if let Some((later, follow_up)) = sim.apply(rng, day, action)? {
            agenda.push(later, follow_up);
        }
    }
    let mut ids = std::mem::take(&mut sim.ids);
    let mut drafts = sim.drafts;
    for draft in &mut drafts {
        settle_probation(draft, &mut ids, rng);
    }
    Ok(drafts)
}
