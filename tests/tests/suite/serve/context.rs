//! An error answered to one request (`InContext`) under app-wide settings
//! (`Profile`): what the profile fills in, and what an error's own
//! declaration keeps.

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError, InContext, Profile};

#[derive(Debug, ApiError)]
#[api(status = 422, code = "required", attr = "name", detail = "Required.")]
struct Undeclared;

/// Declares the default prefix itself: it is the type's, not the app's.
#[derive(Debug, ApiError)]
#[api(
    pointer_prefix = "/data/attributes",
    status = 422,
    code = "required",
    attr = "name",
    detail = "Required."
)]
struct DeclaresTheDefault;

#[derive(Debug, ApiError)]
enum Wrapper {
    #[api(transparent)]
    Inner(DeclaresTheDefault),
    #[api(transparent)]
    Plain(Undeclared),
}

fn pointer(err: &dyn ApiError) -> String {
    let profile = Profile::new(Envelope::JsonApi).pointer_prefix("/data");
    let body = InContext::new(err)
        .profile(&profile)
        .to_json_value(Envelope::JsonApi);
    body["errors"][0]["source"]["pointer"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_profiles_pointer_prefix_fills_in_only_what_is_undeclared() {
    assert_eq!(pointer(&Undeclared), "/data/name");
    assert_eq!(pointer(&DeclaresTheDefault), "/data/attributes/name");
    assert_eq!(
        pointer(&Wrapper::Inner(DeclaresTheDefault)),
        "/data/attributes/name"
    );
    assert_eq!(pointer(&Wrapper::Plain(Undeclared)), "/data/name");
    let set = ApiErrors::from(FieldError::new("name", "required", "Required."))
        .with_pointer_prefix("/data/attributes");
    assert_eq!(pointer(&set), "/data/attributes/name");
    let unset = ApiErrors::from(FieldError::new("name", "required", "Required."));
    assert_eq!(pointer(&unset), "/data/name");
}

#[derive(Debug, ApiError)]
#[api(
    type_base = "https://own.example.com/",
    status = 404,
    code = "gone",
    detail = "Gone."
)]
struct OwnBase;

#[test]
fn the_profiles_type_base_fills_in_only_what_is_undeclared() {
    let profile = Profile::new(Envelope::Problem).type_base("https://app.example.com/errors/");
    let own = InContext::new(&OwnBase)
        .profile(&profile)
        .to_json_value(Envelope::Problem);
    assert_eq!(own["type"], "https://own.example.com/gone");
    let filled = InContext::new(&Undeclared)
        .profile(&profile)
        .path("/signup")
        .request_id("r-9")
        .to_json_value(Envelope::Problem);
    assert_eq!(filled["type"], "https://app.example.com/errors/required");
    assert_eq!(filled["instance"], "/signup");
    assert_eq!(filled["request_id"], "r-9");
}
