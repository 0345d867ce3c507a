use super::*;

fn name(raw: &str) -> Username {
    Username::parse(raw).unwrap()
}

fn org(code: &str) -> Option<OrgCode> {
    Some(OrgCode::parse(code).unwrap())
}

fn member(code: &str) -> Option<MemberCode> {
    Some(MemberCode::parse(code).unwrap())
}

fn actor(role: Role, o: Option<OrgCode>, m: Option<MemberCode>) -> Result<Actor, DomainError> {
    Actor::new(AccountId::new(7), name("someone"), role, o, m)
}

#[test]
fn usernames_are_lower_cased_and_restricted() {
    assert_eq!(name("  Admin ").as_str(), "admin");
    assert_eq!(name("bi_thu.vx-01").as_str(), "bi_thu.vx-01");
    for bad in [
        "",
        "ab",
        "1abc",
        "an toan",
        "nguyễn",
        "a/b",
        &"x".repeat(33),
    ] {
        assert!(Username::parse(bad).is_err(), "{bad:?} accepted");
    }
}

#[test]
fn passwords_need_ten_characters_and_never_print() {
    assert!(NewPassword::parse("short-pw").is_err());
    // Ten characters, not ten bytes: Vietnamese letters count once.
    assert!(NewPassword::parse("mậtkhẩuđủ1").is_ok());
    assert!(NewPassword::parse(&"x".repeat(257)).is_err());
    let pw = NewPassword::parse("correct horse battery").unwrap();
    assert_eq!(pw.expose(), "correct horse battery");
    assert!(!format!("{pw:?}").contains("horse"));
    let err = NewPassword::parse("secret").unwrap_err();
    assert!(!err.to_string().contains("secret"), "{err}");
}

#[test]
fn each_role_gets_the_reach_it_needs() {
    let admin = actor(Role::QuanTri, None, None).unwrap();
    assert_eq!(admin.reach(), &Reach::Everything);
    assert_eq!(admin.org(), None);
    let secretary = actor(Role::BiThu, org("VX.01.01"), member("M1")).unwrap();
    assert_eq!(secretary.reach(), &Reach::Subtree(org("VX.01.01").unwrap()));
    assert_eq!(secretary.member(), member("M1").as_ref());
    let own = actor(Role::DangVien, None, member("M2")).unwrap();
    assert_eq!(own.reach(), &Reach::OwnRecord(member("M2").unwrap()));
    assert_eq!(own.org(), None);
}

#[test]
fn a_role_without_its_reach_is_refused() {
    assert!(actor(Role::QuanTri, org("VX"), None).is_err());
    assert!(actor(Role::DangVien, None, None).is_err());
    assert!(actor(Role::DangVien, org("VX"), member("M2")).is_err());
    for role in [Role::CanBoToChuc, Role::KiemTra, Role::BiThu, Role::Xem] {
        assert!(actor(role, None, member("M2")).is_err(), "{role}");
        assert!(actor(role, org("VX"), None).is_ok(), "{role}");
    }
}
