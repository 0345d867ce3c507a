//! Roles of accounts and what each may do, decided here once for every layer.
//!
//! Capabilities are deny-by-default: [`Role::can`] lists the granted pairs and refuses
//! everything else, so a capability added later is granted to nobody until the table says
//! so. What a role may *reach* (the whole installation, a subtree, one's own record) is the
//! account's [`crate::actor::Reach`]; the capability says what it may *do* there.

use crate::enums::Enumeration;
use serde::{Deserialize, Serialize};

/// The role of an account (`vai_tro`), with its code and Vietnamese label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Administrator: everything, over the whole installation.
    #[serde(rename = "quan_tri")]
    QuanTri,
    /// Organization staff: read and write within the scope.
    #[serde(rename = "can_bo_to_chuc")]
    CanBoToChuc,
    /// Inspection committee: read within the scope.
    #[serde(rename = "kiem_tra")]
    KiemTra,
    /// Cell secretary: read and write within the scope, normally one cell.
    #[serde(rename = "bi_thu")]
    BiThu,
    /// Read only within the scope.
    #[serde(rename = "xem")]
    Xem,
    /// A Party member: their own record only.
    #[serde(rename = "dang_vien")]
    DangVien,
}

impl Enumeration for Role {
    const ALL: &'static [Self] = &[
        Self::QuanTri,
        Self::CanBoToChuc,
        Self::KiemTra,
        Self::BiThu,
        Self::Xem,
        Self::DangVien,
    ];
    const FIELD: &'static str = "vai_tro";

    fn code(self) -> &'static str {
        match self {
            Self::QuanTri => "quan_tri",
            Self::CanBoToChuc => "can_bo_to_chuc",
            Self::KiemTra => "kiem_tra",
            Self::BiThu => "bi_thu",
            Self::Xem => "xem",
            Self::DangVien => "dang_vien",
        }
    }

    fn label_vi(self) -> &'static str {
        match self {
            Self::QuanTri => "Quản trị",
            Self::CanBoToChuc => "Cán bộ tổ chức",
            Self::KiemTra => "Ủy ban kiểm tra",
            Self::BiThu => "Bí thư chi bộ",
            Self::Xem => "Chỉ xem",
            Self::DangVien => "Đảng viên",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Something an account may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capability {
    /// Read organizations, member lists, profiles and reports within the scope.
    ReadRecords,
    /// Read one's own member record (the only reading a member account does).
    ReadOwnRecord,
    /// Create and change records within the scope.
    WriteRecords,
    /// Import an interchange file into the scope (a write).
    ImportRecords,
    /// Export the records of the scope to an interchange file (a read of every record).
    ExportRecords,
    /// See citizen ID numbers unmasked.
    SeeCitizenId,
    /// Read the audit log of the installation.
    ViewAudit,
    /// Create, disable and reset accounts and API tokens.
    ManageAccounts,
    /// Add or correct days of the installation's working-day calendar (administrators).
    ManageCalendar,
}

impl Capability {
    /// Every capability, for tables and tests.
    pub const ALL: &'static [Self] = &[
        Self::ReadRecords,
        Self::ReadOwnRecord,
        Self::WriteRecords,
        Self::ImportRecords,
        Self::ExportRecords,
        Self::SeeCitizenId,
        Self::ViewAudit,
        Self::ManageAccounts,
        Self::ManageCalendar,
    ];
}

impl Role {
    /// Whether this role may do `capability`. Anything not listed is refused.
    pub fn can(self, capability: Capability) -> bool {
        use Capability::*;
        use Role::*;
        // The granted pairs; anything not matched is refused.
        matches!(
            (self, capability),
            (QuanTri, _)
                | (
                    CanBoToChuc | BiThu,
                    ReadRecords | WriteRecords | ImportRecords | ExportRecords | SeeCitizenId
                )
                | (KiemTra | Xem, ReadRecords | ExportRecords)
                | (DangVien, ReadOwnRecord | SeeCitizenId)
        )
    }

    /// Read records within the scope (every role but a member account).
    pub fn can_read_records(self) -> bool {
        self.can(Capability::ReadRecords)
    }

    /// Create and change records within the scope.
    pub fn can_write_records(self) -> bool {
        self.can(Capability::WriteRecords)
    }

    /// Import a file into the scope.
    pub fn can_import_records(self) -> bool {
        self.can(Capability::ImportRecords)
    }

    /// Export the scope's records.
    pub fn can_export_records(self) -> bool {
        self.can(Capability::ExportRecords)
    }

    /// See citizen ID numbers unmasked (a member sees only their own record's).
    pub fn sees_citizen_id(self) -> bool {
        self.can(Capability::SeeCitizenId)
    }

    /// Read the audit log.
    pub fn can_view_audit(self) -> bool {
        self.can(Capability::ViewAudit)
    }

    /// Manage accounts and API tokens.
    pub fn can_manage_accounts(self) -> bool {
        self.can(Capability::ManageAccounts)
    }

    /// Whether the role reaches only the account's own member record.
    pub fn reaches_own_record_only(self) -> bool {
        self == Role::DangVien
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Capability::*;

    /// The whole table, written out: a change to any cell must change this test.
    #[test]
    fn the_capability_table_is_exactly_the_issues() {
        let granted = |role: Role| -> Vec<Capability> {
            Capability::ALL
                .iter()
                .copied()
                .filter(|c| role.can(*c))
                .collect()
        };
        assert_eq!(granted(Role::QuanTri), Capability::ALL.to_vec());
        let writer = vec![
            ReadRecords,
            WriteRecords,
            ImportRecords,
            ExportRecords,
            SeeCitizenId,
        ];
        assert_eq!(granted(Role::CanBoToChuc), writer);
        assert_eq!(granted(Role::BiThu), writer);
        assert_eq!(granted(Role::KiemTra), vec![ReadRecords, ExportRecords]);
        assert_eq!(granted(Role::Xem), vec![ReadRecords, ExportRecords]);
        assert_eq!(granted(Role::DangVien), vec![ReadOwnRecord, SeeCitizenId]);
    }

    #[test]
    fn only_the_administrator_manages_accounts_and_reads_the_audit_log() {
        for role in Role::ALL {
            let admin = *role == Role::QuanTri;
            assert_eq!(role.can_manage_accounts(), admin, "{role}");
            assert_eq!(role.can_view_audit(), admin, "{role}");
        }
    }

    #[test]
    fn read_only_roles_cannot_write_and_members_cannot_list() {
        assert!(!Role::KiemTra.can_write_records() && Role::KiemTra.can_read_records());
        assert!(!Role::Xem.can_write_records() && !Role::Xem.sees_citizen_id());
        assert!(!Role::DangVien.can_read_records() && !Role::DangVien.can_export_records());
        assert!(Role::DangVien.reaches_own_record_only());
        assert!(!Role::BiThu.reaches_own_record_only());
    }

    #[test]
    fn roles_parse_from_code_or_vietnamese_label() {
        assert_eq!(Role::parse("bi_thu").unwrap(), Role::BiThu);
        assert_eq!(Role::parse("Bí thư chi bộ").unwrap(), Role::BiThu);
        assert_eq!(Role::parse("Ủy ban kiểm tra").unwrap(), Role::KiemTra);
        assert_eq!(Role::from_code("quan_tri"), Some(Role::QuanTri));
        assert_eq!(Role::from_code("Quan_tri"), None);
        assert!(Role::parse("root").is_err());
        assert_eq!(serde_json::to_string(&Role::Xem).unwrap(), "\"xem\"");
    }
}
