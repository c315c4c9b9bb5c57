# The default messages of validator's rules, by rule and by the bounds the
# rule was given; its parameters are the arguments.
rule-email = Enter a valid email address.
rule-url = Enter a valid URL.
rule-required = This field is required.
rule-regex = This value does not match the required pattern.
rule-credit_card = Enter a valid credit card number.
rule-non_control_character = This field must not contain control characters.
rule-length-equal = Ensure this field has exactly { $equal } characters.
rule-length-between = Ensure this field has between { $min } and { $max } characters.
rule-length-min = Ensure this field has at least { $min } characters.
rule-length-max = Ensure this field has at most { $max } characters.
rule-length = Ensure this field has a valid length.
rule-range-between = Ensure this value is between { $min } and { $max }.
rule-range-min = Ensure this value is greater than or equal to { $min }.
rule-range-max = Ensure this value is less than or equal to { $max }.
rule-range-exclusive_min = Ensure this value is greater than { $exclusive_min }.
rule-range-exclusive_max = Ensure this value is less than { $exclusive_max }.
rule-range = Ensure this value is in range.
rule-must_match-other = This field must match { $other }.
rule-must_match = This field must match.
rule-contains-needle = This field must contain "{ $needle }".
rule-contains = This field is missing a required value.
rule-does_not_contain-needle = This field must not contain "{ $needle }".
rule-does_not_contain = This field contains a forbidden value.
rule-invalid = Invalid input.
