//! What every request a layer or middleware answers shares.

use std::sync::Arc;

use crate::negotiate::Negotiation;
use crate::profile::Profile;

/// What every request a layer or middleware answers shares: how it
/// negotiates, and the app's settings.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) negotiation: Negotiation,
    pub(crate) profile: Profile,
    /// Whether error answers errcodes did not write are answered again in
    /// the envelope (the default).
    pub(crate) convert_foreign: bool,
}

impl Config {
    /// Answers with `profile`, negotiating from its envelope.
    pub(crate) fn new(profile: Profile) -> Arc<Config> {
        Arc::new(Config {
            negotiation: Negotiation::new(profile.envelope()),
            profile,
            convert_foreign: true,
        })
    }

    /// The same profile, negotiated with `negotiation`.
    pub(crate) fn negotiating(&self, negotiation: Negotiation) -> Arc<Config> {
        Arc::new(Config {
            negotiation,
            profile: self.profile.clone(),
            convert_foreign: self.convert_foreign,
        })
    }

    /// The same, leaving error answers errcodes did not write as they are.
    pub(crate) fn keeping_foreign(&self) -> Arc<Config> {
        Arc::new(Config {
            negotiation: self.negotiation.clone(),
            profile: self.profile.clone(),
            convert_foreign: false,
        })
    }
}
