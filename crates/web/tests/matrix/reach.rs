//! The records each demo account reaches and does not, found through storage, and the code
//! each case of the matrix puts in a request.

use crate::support::{Demo, TODAY, day};
use dangvu_domain::roles::Role;
use dangvu_domain::{MemberCode, OrgCode};
use dangvu_storage::{AccountView, MemberQuery, Scope};
use dangvu_web::Resource;

/// Which record a request names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    NoRecord,
    InScope,
    OutOfScope,
    Missing,
}

/// The records one account reaches and does not.
pub struct Reach {
    pub username: String,
    pub role: Role,
    pub own_member: Option<String>,
    pub in_org: String,
    pub out_org: Option<String>,
    pub in_member: String,
    pub out_member: Option<String>,
}

fn members_of(demo: &Demo, scope: &Scope, org: &str) -> Vec<MemberCode> {
    let query = MemberQuery {
        org: OrgCode::parse(org).unwrap(),
        as_of: day(TODAY),
        search: None,
        after: None,
        limit: 5,
    };
    let page = demo.store.members(scope, &query).unwrap();
    page.rows.into_iter().map(|row| row.code).collect()
}

pub fn reach(demo: &Demo, account: &AccountView) -> Reach {
    let today = day(TODAY);
    let everything = Scope::whole_installation(today);
    let scope = match (&account.org, &account.member, account.role) {
        (_, _, Role::QuanTri) => everything.clone(),
        (Some(org), _, _) => Scope::subtree(org.clone(), today),
        (None, Some(member), _) => Scope::own_record(member.clone(), today),
        (None, None, role) => panic!("{role} without reach"),
    };
    let visible = |scope: &Scope, code: &str| {
        demo.store
            .org(scope, &OrgCode::parse(code).unwrap(), today)
            .is_ok()
    };
    let in_org = account
        .org
        .as_ref()
        .map_or("TQ".to_string(), ToString::to_string);
    // Live organizations first; the dissolved district is outside every subtree of today.
    let out_org = ["VX.01.02", "VX.02", "VX.01", "VX"]
        .into_iter()
        .find(|code| visible(&everything, code) && !visible(&scope, code))
        .map(str::to_string);
    let in_member = match &account.member {
        Some(own) if account.role == Role::DangVien => own.to_string(),
        _ => members_of(demo, &scope, &in_org)[0].to_string(),
    };
    // Every member of the demo is registered in the province today, so the province-wide
    // account (like the administrator) has no member outside its scope.
    let out_member = members_of(demo, &everything, out_org.as_deref().unwrap_or("VX.02"))
        .into_iter()
        .find(|code| demo.store.member(&scope, code).is_err())
        .map(|code| code.to_string());
    Reach {
        username: account.username.to_string(),
        role: account.role,
        own_member: account.member.as_ref().map(ToString::to_string),
        in_org,
        out_org,
        in_member,
        out_member,
    }
}

/// The code a case puts in the request, if the case applies to this account.
pub fn code_for(resource: Resource, case: Case, reach: Option<&Reach>) -> Option<String> {
    let org = matches!(resource, Resource::OrgInPath | Resource::OrgInQuery);
    match (case, reach) {
        (Case::NoRecord, _) => Some(String::new()),
        (Case::Missing, _) if org => Some("KHONG.CO".into()),
        (Case::Missing, _) => Some("KHONG-CO".into()),
        (Case::InScope, None) if org => Some("VX".into()),
        (Case::InScope, None) => Some("KHONG-CO".into()),
        (Case::OutOfScope, None) => None,
        (Case::InScope, Some(r)) if org => Some(r.in_org.clone()),
        (Case::InScope, Some(r)) => Some(r.in_member.clone()),
        (Case::OutOfScope, Some(r)) if org => r.out_org.clone(),
        (Case::OutOfScope, Some(r)) => r.out_member.clone(),
    }
}
