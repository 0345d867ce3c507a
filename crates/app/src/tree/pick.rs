//! Choosing an organization from what a person typed in a form: a code in any case or
//! part of a name without diacritics ("VX", "vx", "vị xuyên", "vi xuyen"), within the
//! caller's scope. The same rule for every form and adapter.

use crate::records::OrgRef;
use crate::{App, Caller, Error};
use dangvu_domain::text::fold;

/// How many organizations a search or a list of choices shows at most.
pub const PICK_LIMIT: usize = 20;

/// What a typed organization resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgPick {
    /// Exactly one organization: its code, or the only match.
    One(OrgRef),
    /// Several match: the person chooses (upper levels first, at most [`PICK_LIMIT`]).
    Several(Vec<OrgRef>),
    /// Nothing in the caller's scope matches (nothing outside it is ever told apart).
    None,
}

impl App {
    /// The organizations in the caller's scope whose code is or starts with `text` (any
    /// case) or whose name contains it (without diacritics), upper levels first.
    pub fn find_orgs(&self, caller: &Caller, text: &str) -> Result<Vec<OrgRef>, Error> {
        Ok(self.store.find_orgs(caller.scope(), text, PICK_LIMIT)?)
    }

    /// The organization `text` names: a code (any case) wins, then a name typed in full,
    /// then the only match; several matches are choices.
    pub fn pick_org(&self, caller: &Caller, text: &str) -> Result<OrgPick, Error> {
        Ok(pick(text.trim(), self.find_orgs(caller, text)?))
    }
}

/// The rule of [`App::pick_org`] over the matches found.
fn pick(text: &str, mut found: Vec<OrgRef>) -> OrgPick {
    let key = fold(text);
    let exact_code = |o: &OrgRef| o.code.as_str().eq_ignore_ascii_case(text);
    if let Some(i) = found.iter().position(exact_code) {
        return OrgPick::One(found.swap_remove(i));
    }
    let named: Vec<usize> = (0..found.len())
        .filter(|&i| found.get(i).is_some_and(|o| fold(&o.name) == key))
        .collect();
    if let [i] = named[..] {
        return OrgPick::One(found.swap_remove(i));
    }
    match found.len() {
        0 => OrgPick::None,
        1 => found.pop().map_or(OrgPick::None, OrgPick::One),
        _ => OrgPick::Several(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::{OrgCode, OrgType};

    fn org(code: &str, name: &str) -> OrgRef {
        OrgRef {
            code: OrgCode::parse(code).unwrap(),
            name: name.into(),
            org_type: OrgType::ChiBoCoSo,
        }
    }

    fn district() -> Vec<OrgRef> {
        vec![
            org("VX", "Đảng bộ huyện Vị Xuyên"),
            org("TQ.X01", "Đảng bộ xã Vị Xuyên"),
            org("VX.40", "Chi bộ Trường THPT Vị Xuyên"),
        ]
    }

    #[test]
    fn a_code_in_any_case_wins_over_names() {
        assert_eq!(pick("vx", district()), OrgPick::One(district()[0].clone()));
        assert_eq!(
            pick("tq.x01", district()),
            OrgPick::One(district()[1].clone())
        );
    }

    #[test]
    fn a_name_typed_in_full_without_diacritics_is_one() {
        let one = pick("dang bo xa vi xuyen", district());
        assert_eq!(one, OrgPick::One(district()[1].clone()));
    }

    #[test]
    fn part_of_several_names_gives_choices_and_nothing_gives_none() {
        assert_eq!(pick("vi xuyen", district()), OrgPick::Several(district()));
        assert_eq!(
            pick("vi xuyen", district()[2..].to_vec()),
            OrgPick::One(district()[2].clone())
        );
        assert_eq!(pick("ha giang", Vec::new()), OrgPick::None);
    }
}
