//! Answers in the client's language.

mod l10n;
