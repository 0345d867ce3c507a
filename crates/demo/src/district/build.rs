//! Building the tree: roots, grassroots organizations and cells, with their codes.

use super::{Cell, CellKind, District};
use crate::agencies::{CELL_AGENCIES, COMMITTEES, FOUNDED_AFTER_TERM};
use crate::communes::{COMMITTEES_2025, COMMUNES};
use crate::{DISTRICT_CODE, PROVINCE_CODE, RESTRUCTURE_DAY};
use dangvu_domain::dataset::{OrgRecord, ParentLink};
use dangvu_domain::{Date, DomainError, OrgCode, OrgType};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The seed of the tree (village names, cell sizes): 1 May 1947, the first cell of Vị Xuyên.
const STRUCTURE_SEED: u64 = 19_470_501;

/// Builds the tree.
pub(crate) fn build() -> Result<District, DomainError> {
    let mut builder = Builder {
        district: District {
            orgs: Vec::new(),
            cells: Vec::new(),
            merges: Vec::new(),
        },
        rng: ChaCha8Rng::seed_from_u64(STRUCTURE_SEED),
    };
    builder.add_district()?;
    for (index, commune) in COMMUNES.iter().enumerate() {
        builder.add_commune(index, commune)?;
    }
    for (index, committee) in COMMITTEES.iter().enumerate() {
        builder.add_committee(25 + index, committee)?;
    }
    for (index, agency) in CELL_AGENCIES.iter().enumerate() {
        builder.add_cell_agency(28 + index, agency, None)?;
    }
    let (agency, founded) = &FOUNDED_AFTER_TERM;
    builder.add_cell_agency(28 + CELL_AGENCIES.len(), agency, Some(*founded))?;
    builder.add_commune_cell_after_term()?;
    builder.resolve_merges()?;
    builder.add_province()?;
    Ok(builder.district)
}

pub(super) fn code(raw: &str) -> Result<OrgCode, DomainError> {
    OrgCode::parse(raw)
}

pub(super) fn committee_2025_code(index: usize) -> String {
    format!("{PROVINCE_CODE}.X{:02}", index + 1)
}

pub(super) struct Builder {
    pub(super) district: District,
    pub(super) rng: ChaCha8Rng,
}

impl Builder {
    pub(super) fn push_org(
        &mut self,
        (raw_code, name, org_type): (String, String, OrgType),
        parents: &[(Option<Date>, &str)],
        founded_on: Option<Date>,
    ) -> Result<usize, DomainError> {
        let parents = parents
            .iter()
            .map(|(since, parent)| {
                Ok(ParentLink {
                    since: *since,
                    parent: Some(code(parent)?),
                })
            })
            .collect::<Result<Vec<_>, DomainError>>()?;
        self.district.orgs.push(OrgRecord {
            code: code(&raw_code)?,
            name,
            org_type,
            founded_on,
            dissolved_on: None,
            merged_into: None,
            parents,
        });
        Ok(self.district.orgs.len() - 1)
    }

    pub(super) fn push_root(
        &mut self,
        raw_code: &str,
        name: &str,
        org_type: OrgType,
    ) -> Result<(), DomainError> {
        self.district.orgs.push(OrgRecord::standing(
            code(raw_code)?,
            name.to_string(),
            org_type,
            None,
        ));
        Ok(())
    }

    fn add_district(&mut self) -> Result<(), DomainError> {
        self.push_root(DISTRICT_CODE, "Đảng bộ huyện Vị Xuyên", OrgType::Huyen)?;
        if let Some(vx) = self.district.orgs.last_mut() {
            vx.dissolved_on = Some(RESTRUCTURE_DAY);
        }
        Ok(())
    }

    /// The new province and its commune-level committees, founded on the restructure day.
    fn add_province(&mut self) -> Result<(), DomainError> {
        self.push_root(PROVINCE_CODE, "Đảng bộ tỉnh Tuyên Quang", OrgType::Tinh)?;
        if let Some(tq) = self.district.orgs.last_mut() {
            tq.founded_on = Some(RESTRUCTURE_DAY);
        }
        for (index, name) in COMMITTEES_2025.iter().enumerate() {
            let identity = (
                committee_2025_code(index),
                format!("Đảng bộ xã {name}"),
                OrgType::Xa,
            );
            self.push_org(identity, &[(None, PROVINCE_CODE)], Some(RESTRUCTURE_DAY))?;
        }
        Ok(())
    }

    /// A grassroots organization under the district, moving under its 2025 committee.
    pub(super) fn add_grassroots(
        &mut self,
        number: usize,
        (name, org_type): (&str, OrgType),
        commune: usize,
        founded_on: Option<Date>,
    ) -> Result<usize, DomainError> {
        let committee = COMMUNES.get(commune).map_or(0, |c| c.committee_2025);
        let new_parent = committee_2025_code(committee);
        let parents = [
            (None, DISTRICT_CODE),
            (Some(RESTRUCTURE_DAY), new_parent.as_str()),
        ];
        let identity = (
            format!("{DISTRICT_CODE}.{number:02}"),
            name.to_string(),
            org_type,
        );
        self.push_org(identity, &parents, founded_on)
    }

    /// A cell under `parent`; `grassroots` is the index of its grassroots organization.
    pub(super) fn add_cell(
        &mut self,
        (raw_code, name): (String, String),
        (parent, grassroots): (&str, usize),
        (kind, commune): (CellKind, usize),
        founded_on: Option<Date>,
    ) -> Result<(), DomainError> {
        let identity = (raw_code, name, OrgType::ChiBoTrucThuoc);
        let org = self.push_org(identity, &[(None, parent)], founded_on)?;
        self.push_cell(org, kind, commune, grassroots)
    }

    pub(super) fn push_cell(
        &mut self,
        org: usize,
        kind: CellKind,
        commune: usize,
        grassroots: usize,
    ) -> Result<(), DomainError> {
        let highland = COMMUNES.get(commune).is_some_and(|c| c.highland);
        let (low, high) = kind.size_range(highland);
        let weight = self.rng.random_range(low..=high);
        self.push_cell_sized(org, kind, commune, (grassroots, weight))
    }

    pub(super) fn push_cell_sized(
        &mut self,
        org: usize,
        kind: CellKind,
        commune: usize,
        (grassroots, weight): (usize, u32),
    ) -> Result<(), DomainError> {
        let Some(record) = self.district.orgs.get(org) else {
            return Err(DomainError::invalid(
                "ma",
                org.to_string(),
                "unknown organization",
            ));
        };
        self.district.cells.push(Cell {
            code: record.code.clone(),
            kind,
            commune,
            weight,
            founded_on: record.founded_on,
            dissolved_on: record.dissolved_on,
            grassroots,
        });
        Ok(())
    }
}
