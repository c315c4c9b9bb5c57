use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    // The replica's host name would reach the body of a 500.
    #[api(status = 500, detail = "Replica {replica} is lagging.")]
    Lag { replica: String },
}

fn main() {}
