union U {
    a: u32,
    b: f32,
}
