//! The units of the tree: communes with their villages, committees with their cells,
//! agencies, and the mergers that dissolve some of them.

use super::build::Builder;
use super::{Cell, CellKind, Merge};
use crate::DISTRICT_CODE;
use crate::agencies::{CELL_AGENCIES, COMMITTEES, COMMUNE_CELL_AFTER_TERM, CellAgency, Committee};
use crate::communes::{Commune, SEAT, village_names};
use dangvu_domain::{Date, DomainError, OrgType};
use rand::Rng;

impl Builder {
    pub(super) fn add_commune(
        &mut self,
        index: usize,
        commune: &Commune,
    ) -> Result<(), DomainError> {
        let name = format!("Đảng bộ {}", commune.unit_name());
        let org = self.add_grassroots(index + 1, (&name, OrgType::DangBoCoSo), index, None)?;
        let parent = format!("{DISTRICT_CODE}.{:02}", index + 1);
        let mut cells: Vec<(String, CellKind)> = (1..=commune.residential_groups)
            .map(|n| (format!("Chi bộ tổ dân phố {n}"), CellKind::Residential))
            .collect();
        let villages = village_names(&mut self.rng, commune, commune.villages);
        cells.extend(
            villages
                .into_iter()
                .map(|v| (format!("Chi bộ thôn {v}"), CellKind::Village)),
        );
        let unit = commune.unit_name();
        cells.push((format!("Chi bộ Cơ quan {unit}"), CellKind::CommuneOffice));
        cells.push((format!("Chi bộ Quân sự {unit}"), CellKind::Militia));
        cells.extend((0..commune.schools).map(|s| {
            (
                format!("Chi bộ {}", commune.school_name(s)),
                CellKind::School,
            )
        }));
        for (number, (cell_name, kind)) in cells.into_iter().enumerate() {
            let cell_code = format!("{parent}.{:02}", number + 1);
            self.add_cell((cell_code, cell_name), (&parent, org), (kind, index), None)?;
        }
        Ok(())
    }

    pub(super) fn add_committee(
        &mut self,
        number: usize,
        committee: &Committee,
    ) -> Result<(), DomainError> {
        let identity = (committee.name, OrgType::DangBoCoSo);
        let org = self.add_grassroots(number, identity, SEAT, None)?;
        let parent = format!("{DISTRICT_CODE}.{number:02}");
        for (n, name) in committee.cells.iter().enumerate() {
            let cell_code = format!("{parent}.{:02}", n + 1);
            let kind = (committee.kind, SEAT);
            self.add_cell((cell_code, name.to_string()), (&parent, org), kind, None)?;
        }
        if let Some((sub_name, sub_cells)) = committee.sub_committee {
            let sub_code = format!("{parent}.BP1");
            let identity = (
                sub_code.clone(),
                sub_name.to_string(),
                OrgType::DangBoBoPhan,
            );
            self.push_org(identity, &[(None, parent.as_str())], None)?;
            for (n, name) in sub_cells.iter().enumerate() {
                let cell_code = format!("{sub_code}.{:02}", n + 1);
                let kind = (committee.kind, SEAT);
                self.add_cell((cell_code, name.to_string()), (&sub_code, org), kind, None)?;
            }
        }
        Ok(())
    }

    pub(super) fn add_cell_agency(
        &mut self,
        number: usize,
        agency: &CellAgency,
        founded_on: Option<Date>,
    ) -> Result<(), DomainError> {
        let identity = (agency.name, OrgType::ChiBoCoSo);
        let org = self.add_grassroots(number, identity, agency.commune, founded_on)?;
        let (low, high) = agency.size;
        let weight = self.rng.random_range(low..=high);
        self.push_cell_sized(org, agency.kind, agency.commune, (org, weight))
    }

    pub(super) fn add_commune_cell_after_term(&mut self) -> Result<(), DomainError> {
        let (commune, name, founded) = COMMUNE_CELL_AFTER_TERM;
        let parent = format!("{DISTRICT_CODE}.{:02}", commune + 1);
        let Some(org) = self.org_index(&parent) else {
            return Err(DomainError::invalid("ma", parent, "unknown organization"));
        };
        let siblings = self
            .district
            .cells
            .iter()
            .filter(|c| c.grassroots == org)
            .count();
        let cell_code = format!("{parent}.{:02}", siblings + 1);
        let place = (&parent[..], org);
        let kind = (CellKind::Enterprise, commune);
        self.add_cell((cell_code, name.to_string()), place, kind, Some(founded))
    }

    fn org_index(&self, raw_code: &str) -> Option<usize> {
        self.district
            .orgs
            .iter()
            .position(|o| o.code.as_str() == raw_code)
    }

    fn org_named(&self, name: &str) -> Option<usize> {
        self.district.orgs.iter().position(|o| o.name == name)
    }

    /// Dissolves the merged cells and records where their members go.
    pub(super) fn resolve_merges(&mut self) -> Result<(), DomainError> {
        for agency in &CELL_AGENCIES {
            let Some((target_name, on)) = agency.merge else {
                continue;
            };
            let (Some(from_org), Some(target_org)) =
                (self.org_named(agency.name), self.org_named(target_name))
            else {
                return Err(DomainError::invalid(
                    "ten",
                    target_name,
                    "unknown merge target",
                ));
            };
            let destination = COMMITTEES
                .iter()
                .find(|c| c.name == target_name)
                .and_then(|c| c.merge_destination)
                .and_then(|cell_name| self.org_named(cell_name))
                .unwrap_or(target_org);
            let target_code = self.district.orgs.get(target_org).map(|o| o.code.clone());
            if let Some(from) = self.district.orgs.get_mut(from_org) {
                from.dissolved_on = Some(on);
                from.merged_into = target_code;
                from.parents.truncate(1);
            }
            let cell_of = |org: usize, cells: &[Cell]| {
                let org_code = self.district.orgs.get(org).map(|o| &o.code);
                cells.iter().position(|c| Some(&c.code) == org_code)
            };
            let (Some(from_cell), Some(to_cell)) = (
                cell_of(from_org, &self.district.cells),
                cell_of(destination, &self.district.cells),
            ) else {
                return Err(DomainError::invalid(
                    "ten",
                    agency.name,
                    "merge without cells",
                ));
            };
            if let Some(cell) = self.district.cells.get_mut(from_cell) {
                cell.dissolved_on = Some(on);
            }
            self.district.merges.push(Merge {
                on,
                from_cell,
                to_cell,
            });
        }
        Ok(())
    }
}
