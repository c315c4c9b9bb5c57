use errcodes::ApiError;
use errcodes::ApiErrorExt as _;

#[derive(Debug, ApiError)]
enum E {
    #[api(stauts = 404)]
    A,
}

fn render(e: &E) -> Vec<u8> {
    e.render_to_vec(errcodes::Envelope::Problem)
}

fn takes(_: &dyn ApiError) {}

fn uses() {
    takes(&E::A);
    let _ = render(&E::A);
}

fn main() {}
