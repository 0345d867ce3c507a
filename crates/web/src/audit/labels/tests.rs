use super::*;

fn pairs(lines: &[DetailLine]) -> Vec<(&str, &str)> {
    lines
        .iter()
        .map(|l| (l.key.as_str(), l.value.as_str()))
        .collect()
}

#[test]
fn every_action_and_kind_has_a_label_in_both_languages() {
    for lang in [Lang::Vi, Lang::En] {
        for a in AuditAction::ALL {
            let label = action(lang, a.as_str());
            assert!(!label.contains("audit_action"), "{lang:?} {a}: {label}");
            assert_ne!(label, a.as_str(), "{lang:?} {a}");
        }
        for e in AuditEntity::ALL {
            let label = entity(lang, e.as_str());
            assert!(!label.contains("audit_entity"), "{lang:?} {e}: {label}");
        }
    }
    assert_eq!(
        action(Lang::Vi, "login.failed"),
        "Đăng nhập không thành công"
    );
    assert_eq!(entity(Lang::Vi, "member"), "Đảng viên");
    // A string of an earlier version is shown as stored.
    assert_eq!(action(Lang::Vi, "member.update"), "member.update");
}

#[test]
fn a_failed_sign_in_reads_as_its_reason() {
    let lines = details(Lang::Vi, Some(r#"{"reason":"wrong_password"}"#));
    assert_eq!(pairs(&lines), [("Lý do", "Sai mật khẩu")]);
    let lines = details(Lang::En, Some(r#"{"reason":"member_left"}"#));
    assert_eq!(lines.len(), 1);
    assert!(lines[0].value.contains("left the Party"), "{lines:?}");
}

#[test]
fn an_import_reads_as_counts_per_table() {
    let json = r#"{"tables":[
        {"table":"to_chuc","created":0,"updated":0,"unchanged":4},
        {"table":"dang_vien","created":3,"updated":2,"unchanged":0},
        {"table":"chuyen_sinh_hoat","created":0,"updated":0,"unchanged":0}],
        "effective_on":"2026-12-04","dry_run":false}"#;
    let lines = details(Lang::Vi, Some(json));
    assert_eq!(
        pairs(&lines),
        [
            ("Tổ chức đảng", "4 không đổi"),
            ("Đảng viên", "3 mới, 2 sửa"),
            ("Chạy thử", "không"),
            ("Ngày hiệu lực", "04/12/2026"),
        ]
    );
    let nothing = r#"{"tables":[{"table":"dang_vien","created":0,"updated":0,"unchanged":0}]}"#;
    assert_eq!(
        pairs(&details(Lang::Vi, Some(nothing))),
        [("", "Không có thay đổi")]
    );
}

#[test]
fn accounts_and_unknown_keys_stay_readable() {
    let json =
        r#"{"username":"bithu2","role":"bi_thu","org":"VX.01.01","member":null,"extra":{"a":1}}"#;
    let lines = details(Lang::Vi, Some(json));
    assert_eq!(
        pairs(&lines),
        [
            ("Tên đăng nhập", "bithu2"),
            ("Vai trò", "Bí thư chi bộ"),
            ("Tổ chức", "VX.01.01"),
            ("Đảng viên", "—"),
            ("extra", "a: 1"),
        ]
    );
    assert!(details(Lang::Vi, None).is_empty());
    assert_eq!(
        pairs(&details(Lang::Vi, Some("not json"))),
        [("", "not json")]
    );
}
