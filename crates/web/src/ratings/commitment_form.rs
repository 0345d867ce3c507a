//! What the commitment forms and bodies carry, read into domain values: a signature (the
//! organization comes from the query) and an evaluation.

use crate::error::BadInput;
use crate::ui::params::{self, present};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{Commitment, CommitmentOutcome, Evaluation, Post};
use dangvu_domain::text::nfc_trim;
use dangvu_domain::{Date, OrgCode};
use serde::Deserialize;
use utoipa::ToSchema;

/// Longest content kept.
const CONTENT_LIMIT: usize = 2_000;

/// A commitment to record (form fields or JSON keys, as in `cam_ket`).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub(crate) struct SignForm {
    /// Its code; made from the year, organization and signer when absent.
    #[serde(default)]
    pub ma: Option<String>,
    /// The year it is for.
    #[serde(default)]
    pub nam: Option<String>,
    /// Member code of the signer.
    #[serde(default)]
    pub ma_nguoi_ky: Option<String>,
    /// The signer's post: `BI_THU`, `PHO_BI_THU`, … (codes of `chuc_vu`).
    #[serde(default)]
    pub chuc_vu: Option<String>,
    /// Member code of the superior head who receives it.
    #[serde(default)]
    pub ma_nguoi_nhan: Option<String>,
    /// What is committed.
    #[serde(default)]
    pub noi_dung: Option<String>,
    /// Signing day, `YYYY-MM-DD` or `DD/MM/YYYY`.
    #[serde(default)]
    pub ngay_ky: Option<String>,
}

impl SignForm {
    /// The commitment of `org`, or the first field missing or wrong.
    pub(crate) fn commitment(&self, org: &OrgCode) -> Result<Commitment, BadInput> {
        let raw_year = present(&self.nam).ok_or(BadInput::Missing { field: "nam" })?;
        let year = raw_year
            .parse::<i32>()
            .ok()
            .filter(|y| (1930..=2100).contains(y))
            .ok_or_else(|| BadInput::Number {
                field: "nam",
                value: raw_year.to_string(),
                min: 1930,
                max: 2100,
            })?;
        let signer = present(&self.ma_nguoi_ky).ok_or(BadInput::Missing {
            field: "ma_nguoi_ky",
        })?;
        let signer = params::member_code(signer)?;
        let raw_post = present(&self.chuc_vu).ok_or(BadInput::Missing { field: "chuc_vu" })?;
        let post = Post::parse(raw_post).map_err(|_| BadInput::Code {
            field: "chuc_vu",
            value: raw_post.to_string(),
        })?;
        let recipient = present(&self.ma_nguoi_nhan)
            .map(params::member_code)
            .transpose()?;
        let content = nfc_trim(self.noi_dung.as_deref().unwrap_or_default());
        if content.is_empty() {
            return Err(BadInput::Missing { field: "noi_dung" });
        }
        if content.chars().count() > CONTENT_LIMIT {
            return Err(BadInput::Malformed(format!(
                "noi_dung longer than {CONTENT_LIMIT}"
            )));
        }
        let signed_on = params::required_date("ngay_ky", &self.ngay_ky)?;
        let code = match present(&self.ma) {
            Some(raw) => params::member_code(raw)?.as_str().to_owned(),
            None => format!("CK{year}-{org}-{signer}"),
        };
        Ok(Commitment {
            code,
            year,
            org: org.clone(),
            signer,
            post,
            recipient,
            content,
            signed_on,
            evaluation: None,
        })
    }
}

/// A year-end evaluation (form fields or JSON keys, as in `cam_ket`).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub(crate) struct EvaluateForm {
    /// The commitment's code (forms only; the API takes it from the path).
    #[serde(default)]
    pub ma: Option<String>,
    /// `HOAN_THANH` or `KHONG_HOAN_THANH`.
    #[serde(default)]
    pub ket_qua: Option<String>,
    /// Evaluation day.
    #[serde(default)]
    pub ngay_danh_gia: Option<String>,
}

impl EvaluateForm {
    /// The evaluation, or the first field missing or wrong.
    pub(crate) fn evaluation(&self) -> Result<Evaluation, BadInput> {
        let raw = present(&self.ket_qua).ok_or(BadInput::Missing { field: "ket_qua" })?;
        let outcome = CommitmentOutcome::parse(raw).map_err(|_| BadInput::Code {
            field: "ket_qua",
            value: raw.to_string(),
        })?;
        let on: Date = params::required_date("ngay_danh_gia", &self.ngay_danh_gia)?;
        Ok(Evaluation { outcome, on })
    }

    /// The code of the commitment (forms).
    pub(crate) fn code(&self) -> Result<String, BadInput> {
        let raw = present(&self.ma).ok_or(BadInput::Missing { field: "ma" })?;
        Ok(params::member_code(raw)?.as_str().to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn a_signature_is_read_or_the_field_named() {
        let org = OrgCode::parse("VX.01").unwrap();
        let mut form = SignForm {
            ma: None,
            nam: text("2024"),
            ma_nguoi_ky: text("DV1"),
            chuc_vu: text("Phó Bí thư"),
            ma_nguoi_nhan: None,
            noi_dung: text(" Hoàn thành chỉ tiêu "),
            ngay_ky: text("15/01/2024"),
        };
        let c = form.commitment(&org).unwrap();
        assert_eq!(
            (c.post, c.content.as_str()),
            (Post::PhoBiThu, "Hoàn thành chỉ tiêu")
        );
        assert_eq!(c.code, "CK2024-VX.01-DV1");
        form.chuc_vu = text("GIAM_DOC");
        assert!(matches!(
            form.commitment(&org),
            Err(BadInput::Code {
                field: "chuc_vu",
                ..
            })
        ));
        form.chuc_vu = text("BI_THU");
        form.noi_dung = text("  ");
        assert_eq!(
            form.commitment(&org),
            Err(BadInput::Missing { field: "noi_dung" })
        );
        let evaluation = EvaluateForm {
            ma: None,
            ket_qua: text("HOAN_THANH"),
            ngay_danh_gia: None,
        };
        assert_eq!(
            evaluation.evaluation(),
            Err(BadInput::Missing {
                field: "ngay_danh_gia"
            })
        );
    }
}
