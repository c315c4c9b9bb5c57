something_else = Something else.
