use errcodes::ApiError;

struct Version(u32);

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, detail = "x")]
    A {
        #[api(meta)]
        version: Version,
    },
}

impl std::fmt::Debug for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

fn main() {}
