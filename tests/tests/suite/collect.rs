//! Many errors in one answer: collections and validator's reports.

mod collection;
mod validator;
