//! Tests of the interchange rules, one small test per rule, through [`super::build_dataset`]:
//! what a person importing a file sees is the dataset or the list of problems.

mod support;

mod dossiers;
mod extensions;
mod headers;
mod members;
mod orgs;
mod ratings;
mod ratings_input;
mod transfers;
