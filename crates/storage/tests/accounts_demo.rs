//! The demo's accounts: one per role on the Vị Xuyên district, each reaching what the README
//! says, with its published password.

// Helpers outside #[test] functions fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts_support;
mod common;

use accounts_support::*;
use common::fixture::{d, oc};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::roles::Role;
use dangvu_storage::{Scope, demo_password};

#[test]
fn the_demo_has_one_account_per_role_reaching_its_part_of_the_district() {
    let ds = dangvu_demo::generate(dangvu_demo::DEFAULT_SEED);
    let today = d("2026-03-01");
    for db in common::backends() {
        let store = db.open();
        store.load_dataset(&ds, &common::audit()).unwrap();
        let created = store.create_demo_accounts(&admin_ctx(0), today).unwrap();
        let roles: Vec<Role> = created.iter().map(|a| a.role).collect();
        assert_eq!(roles, Role::ALL);
        assert!(
            store
                .create_demo_accounts(&admin_ctx(1), today)
                .unwrap()
                .is_empty(),
            "once"
        );
        for account in &created {
            assert_eq!(
                account.password.expose(),
                demo_password(account.username.as_str())
            );
            let actor = store
                .authenticate(
                    account.username.as_str(),
                    account.password.expose(),
                    "127.0.0.1",
                    at(2),
                )
                .unwrap();
            assert_eq!(actor.role(), account.role);
        }
        let by_role = |role: Role| created.iter().find(|a| a.role == role).unwrap();
        assert_eq!(by_role(Role::CanBoToChuc).org, Some(oc("TQ")));
        assert_eq!(by_role(Role::KiemTra).org, Some(oc("VX.01")));
        assert_eq!(by_role(Role::BiThu).org, Some(oc("VX.01.01")));
        assert_eq!(by_role(Role::Xem).org, Some(oc("VX.02")));
        // The member account's record lies in the secretary's cell.
        let member = by_role(Role::DangVien).member.clone().unwrap();
        let secretary = store
            .authenticate("bithu", &demo_password("bithu"), "127.0.0.1", at(3))
            .unwrap();
        let record = store
            .member(&Scope::for_actor(&secretary, today), &member)
            .unwrap();
        assert_eq!(record.code, member);
        // ... and is an active member today, whose account works (not one who died).
        let person = ds.members.iter().find(|m| m.code == member).unwrap();
        assert_eq!(
            person.status_on(today),
            dangvu_domain::MemberStatus::DangSinhHoat
        );
    }
}
