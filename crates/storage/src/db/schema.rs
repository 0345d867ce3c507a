//! The database schema, written by hand to match both migration folders
//! (`migrations/sqlite` and `migrations/postgres`), which are kept in lock-step.
//!
//! Dates are diesel `Date` (text `YYYY-MM-DD` on SQLite, `date` on PostgreSQL); open ends
//! of periods are the sentinels of `dangvu_domain::dates::DateSentinels`, so "valid on D"
//! is always `valid_from <= D and D < valid_to`. Enumerations are stored as their codes.

diesel::table! {
    /// Organizations: one row per code, with its life span.
    organizations (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        name_folded -> Text,
        org_type -> Text,
        founded_on -> Nullable<Date>,
        dissolved_on -> Nullable<Date>,
        merged_into_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    /// The parent history of each organization, as recorded.
    org_parents (id) {
        id -> BigInt,
        org_id -> BigInt,
        parent_id -> Nullable<BigInt>,
        valid_from -> Date,
        valid_to -> Date,
    }
}

diesel::table! {
    /// Materialized ancestor paths (`/<id>/…/<id>/`) per validity interval.
    org_paths (id) {
        id -> BigInt,
        org_id -> BigInt,
        valid_from -> Date,
        valid_to -> Date,
        path -> Text,
        path_upper -> Text,
        depth -> Integer,
    }
}

diesel::table! {
    /// Members: the member sheet and the search and sort keys derived from the name.
    members (id) {
        id -> BigInt,
        code -> Text,
        full_name -> Text,
        name_folded -> Text,
        given_first -> Text,
        sort_key -> Text,
        gender -> Nullable<Text>,
        birth_date -> Nullable<Date>,
        ethnicity -> Nullable<Text>,
        religion -> Nullable<Text>,
        citizen_id -> Nullable<Text>,
        hometown -> Nullable<Text>,
        birthplace -> Nullable<Text>,
        occupation -> Nullable<Text>,
        general_education -> Nullable<Text>,
        professional_qualification -> Nullable<Text>,
        political_theory -> Nullable<Text>,
        party_card_no -> Nullable<Text>,
        cv_no -> Nullable<Text>,
        admitted_on -> Date,
        official_on -> Nullable<Date>,
    }
}

diesel::table! {
    /// Official registrations of members in cells, per period.
    registrations (id) {
        id -> BigInt,
        member_id -> BigInt,
        org_id -> BigInt,
        valid_from -> Date,
        valid_to -> Date,
    }
}

diesel::table! {
    /// Member statuses per period.
    member_statuses (id) {
        id -> BigInt,
        member_id -> BigInt,
        status -> Text,
        valid_from -> Date,
        valid_to -> Date,
    }
}

diesel::table! {
    /// Yearly ratings of members.
    member_ratings (id) {
        id -> BigInt,
        member_id -> BigInt,
        year -> Integer,
        rating -> Text,
        score -> Nullable<Integer>,
    }
}

diesel::table! {
    /// Yearly ratings of organizations.
    org_ratings (id) {
        id -> BigInt,
        org_id -> BigInt,
        year -> Integer,
        rating -> Text,
        score -> Nullable<Integer>,
    }
}

diesel::table! {
    /// Append-only log of changes, written in the transaction of the change.
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor -> Text,
        source -> Text,
        action -> Text,
        entity -> Text,
        entity_code -> Nullable<Text>,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        prev_hash -> Nullable<Text>,
        hash -> Nullable<Text>,
    }
}

diesel::table! {
    /// Accounts: who may sign in, with which role and reach (see `accounts/manage.rs`).
    accounts (id) {
        id -> BigInt,
        username -> Text,
        role -> Text,
        org_id -> Nullable<BigInt>,
        member_id -> Nullable<BigInt>,
        password_hash -> Text,
        disabled -> Bool,
        created_at -> Timestamp,
        password_changed_at -> Timestamp,
    }
}

diesel::table! {
    /// Browser sessions, by the SHA-256 of their token.
    sessions (id) {
        id -> BigInt,
        token_hash -> Text,
        account_id -> BigInt,
        source -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    /// API bearer tokens, by the SHA-256 of their secret.
    api_tokens (id) {
        id -> BigInt,
        secret_hash -> Text,
        account_id -> BigInt,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Recent failed logins, for throttling.
    login_failures (id) {
        id -> BigInt,
        username -> Text,
        source -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    /// A cell's counts over a period in which they stay the same (derived, see
    /// `reports::tallies`).
    cell_counts (org_id, valid_to) {
        org_id -> BigInt,
        valid_from -> Date,
        valid_to -> Date,
        members -> Integer,
        probationary -> Integer,
        exempted -> Integer,
    }
}

diesel::table! {
    /// Members admitted on a day while registered in a cell (derived).
    cell_admissions (org_id, admitted_on) {
        org_id -> BigInt,
        admitted_on -> Date,
        admitted -> Integer,
    }
}

diesel::table! {
    /// Ratings of a year of the members registered in a cell on 31 December (derived).
    cell_ratings (org_id, year) {
        org_id -> BigInt,
        year -> Integer,
        rated_on -> Date,
        rated -> Integer,
        completed -> Integer,
    }
}

diesel::table! {
    /// An organization's subtree's counts over a period in which they stay the same
    /// (derived, see `reports::subtree`).
    org_counts (org_id, valid_to) {
        org_id -> BigInt,
        valid_from -> Date,
        valid_to -> Date,
        members -> Integer,
        probationary -> Integer,
        exempted -> Integer,
        grassroots_orgs -> Integer,
        cells_under_grassroots -> Integer,
    }
}

diesel::table! {
    /// Members admitted on a day into an organization's subtree (derived).
    org_admissions (org_id, admitted_on) {
        org_id -> BigInt,
        admitted_on -> Date,
        admitted -> Integer,
    }
}

diesel::table! {
    /// A year's ratings in an organization's subtree on 31 December (derived).
    org_years (org_id, year) {
        org_id -> BigInt,
        year -> Integer,
        members_rated -> Integer,
        members_completed -> Integer,
        orgs_rated -> Integer,
        orgs_good -> Integer,
    }
}

diesel::table! {
    /// Admission dossiers (`ho_so_ket_nap`); a step not yet taken is NULL.
    admission_dossiers (id) {
        id -> BigInt,
        code -> Text,
        full_name -> Text,
        gender -> Text,
        birth_date -> Date,
        ethnicity -> Nullable<Text>,
        education -> Nullable<Text>,
        cell_id -> BigInt,
        listed_on -> Nullable<Date>,
        course_on -> Nullable<Date>,
        application_on -> Nullable<Date>,
        introducer_1_id -> Nullable<BigInt>,
        introducer_2_id -> Nullable<BigInt>,
        youth_union_on -> Nullable<Date>,
        referred_on -> Nullable<Date>,
        resolution_on -> Nullable<Date>,
        proposal_on -> Nullable<Date>,
        decision_no -> Nullable<Text>,
        decision_on -> Nullable<Date>,
        ceremony_on -> Nullable<Date>,
        member_id -> Nullable<BigInt>,
        recognized_on -> Nullable<Date>,
        struck_off_on -> Nullable<Date>,
        closed_on -> Nullable<Date>,
        closing_reason -> Nullable<Text>,
    }
}

diesel::table! {
    /// The cell's votes on an admission dossier.
    admission_votes (id) {
        id -> BigInt,
        dossier_id -> BigInt,
        voted_on -> Date,
        votes_for -> Integer,
        votes_against -> Integer,
        official_members -> Integer,
    }
}

diesel::table! {
    /// Failed checks of an admission dossier let through, with the reason.
    admission_overrides (id) {
        id -> BigInt,
        dossier_id -> BigInt,
        check_code -> Text,
        reason -> Text,
    }
}

diesel::table! {
    /// The installation's working-day calendar: days off and days worked that add to or
    /// correct the shipped official calendar (interchange table `ngay_nghi`).
    calendar_days (id) {
        id -> BigInt,
        day -> Date,
        kind -> Text,
        name -> Nullable<Text>,
    }
}

diesel::table! {
    /// Transfers of Party activity; a step not yet taken is NULL.
    transfers (id) {
        id -> BigInt,
        member_id -> BigInt,
        from_org_id -> BigInt,
        to_org_id -> BigInt,
        kind -> Text,
        decision_on -> Date,
        introduced_on -> Nullable<Date>,
        received_on -> Nullable<Date>,
        end_on -> Nullable<Date>,
        cancelled_on -> Nullable<Date>,
        cancel_reason -> Nullable<Text>,
    }
}

diesel::table! {
    /// Exemptions from Party work and activities.
    exemptions (id) {
        id -> BigInt,
        member_id -> BigInt,
        decided_on -> Date,
        reason -> Text,
        review_on -> Nullable<Date>,
        ended_on -> Nullable<Date>,
    }
}

diesel::table! {
    /// Party badges awarded.
    badge_awards (id) {
        id -> BigInt,
        member_id -> BigInt,
        milestone -> Integer,
        awarded_on -> Date,
        early_reason -> Nullable<Text>,
    }
}

diesel::table! {
    /// Periods that do not count towards party age.
    party_age_interruptions (id) {
        id -> BigInt,
        member_id -> BigInt,
        valid_from -> Date,
        valid_to -> Date,
    }
}

diesel::table! {
    /// Rating rounds opened by a committee for its subtree and a period.
    rating_rounds (id) {
        id -> BigInt,
        org_id -> BigInt,
        year -> Integer,
        period -> Text,
        quarter -> Integer,
        deadline -> Date,
        opened_on -> Date,
        opened_by -> Text,
        closed_on -> Nullable<Date>,
        closed_by -> Nullable<Text>,
    }
}

diesel::table! {
    /// The members of a round with their steps.
    round_members (round_id, member_id) {
        round_id -> BigInt,
        member_id -> BigInt,
        unit_id -> BigInt,
        cell_id -> BigInt,
        self_level -> Nullable<Text>,
        self_points -> Nullable<Integer>,
        self_text -> Nullable<Text>,
        self_form -> Nullable<Text>,
        self_on -> Nullable<Date>,
        self_by -> Nullable<Text>,
        proposed_level -> Nullable<Text>,
        proposed_points -> Nullable<Integer>,
        votes_for -> Nullable<Integer>,
        votes_cast -> Nullable<Integer>,
        proposed_on -> Nullable<Date>,
        proposed_by -> Nullable<Text>,
        decided_level -> Nullable<Text>,
        decided_label -> Nullable<Text>,
        decided_points -> Nullable<Integer>,
        decided_reason -> Nullable<Text>,
        exceptions -> Nullable<Text>,
        decided_on -> Nullable<Date>,
        decided_by -> Nullable<Text>,
        decided_org -> Nullable<Text>,
    }
}

diesel::table! {
    /// Members' monthly results (`ket_qua_thang`); `month` is the month's first day.
    monthly_results (id) {
        id -> BigInt,
        member_id -> BigInt,
        month -> Date,
        level -> Text,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    /// The organizations of a round with their steps.
    round_orgs (round_id, org_id) {
        round_id -> BigInt,
        org_id -> BigInt,
        parent_id -> Nullable<BigInt>,
        shape -> Text,
        self_level -> Nullable<Text>,
        self_text -> Nullable<Text>,
        self_on -> Nullable<Date>,
        self_by -> Nullable<Text>,
        decided_level -> Nullable<Text>,
        decided_label -> Nullable<Text>,
        decided_points -> Nullable<Integer>,
        decided_reason -> Nullable<Text>,
        exceptions -> Nullable<Text>,
        decided_on -> Nullable<Date>,
        decided_by -> Nullable<Text>,
        decided_org -> Nullable<Text>,
    }
}

diesel::table! {
    /// Signed commitments of heads and deputies (`cam_ket`).
    commitments (id) {
        id -> BigInt,
        code -> Text,
        year -> Integer,
        org_id -> BigInt,
        signer_id -> BigInt,
        post -> Text,
        recipient_id -> Nullable<BigInt>,
        content -> Text,
        signed_on -> Date,
        outcome -> Nullable<Text>,
        evaluated_on -> Nullable<Date>,
    }
}

diesel::joinable!(sessions -> accounts (account_id));
diesel::joinable!(api_tokens -> accounts (account_id));

diesel::allow_tables_to_appear_in_same_query!(
    organizations,
    org_parents,
    org_paths,
    members,
    registrations,
    member_statuses,
    member_ratings,
    org_ratings,
    audit_log,
    accounts,
    sessions,
    api_tokens,
    login_failures,
    cell_counts,
    cell_admissions,
    cell_ratings,
    org_counts,
    org_admissions,
    org_years,
    admission_dossiers,
    admission_votes,
    admission_overrides,
    transfers,
    exemptions,
    badge_awards,
    party_age_interruptions,
    rating_rounds,
    round_members,
    round_orgs,
    monthly_results,
    commitments,
);
