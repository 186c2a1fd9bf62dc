//! Property tests for the per-field rules: short_name (V2), expiry (V5), card number (V6), CVC (V7).

use proptest::prelude::*;
use sent_model::validate::rules;
use sent_model::validate::{self, CreateOptions};
use sent_model::{PaymentDetails, ProfileCreate};

proptest! {
    #[test]
    fn short_names_from_the_allowed_alphabet_with_a_letter_pass(
        name in "[A-Za-z0-9 ]{0,10}",
        letter in "[A-Za-z]",
        at in 0usize..11,
    ) {
        let mut chars: Vec<char> = name.chars().collect();
        chars.insert(at.min(chars.len()), letter.chars().next().unwrap());
        let candidate: String = chars.into_iter().collect();
        prop_assert_eq!(rules::is_valid_short_name(&candidate), candidate.len() >= 3);
    }

    #[test]
    fn short_names_without_letters_fail(name in "[0-9 ]{0,15}") {
        prop_assert!(!rules::is_valid_short_name(&name));
    }

    #[test]
    fn short_names_with_a_foreign_character_fail(
        prefix in "[A-Za-z]{1,5}",
        bad in "[^A-Za-z0-9 ]",
    ) {
        let candidate = format!("{prefix}{bad}a");
        prop_assert!(!rules::is_valid_short_name(&candidate));
    }

    #[test]
    fn short_names_longer_than_eleven_fail(name in "[A-Za-z]{12,40}") {
        prop_assert!(!rules::is_valid_short_name(&name));
    }

    #[test]
    fn expiry_accepts_exactly_months_one_to_twelve(month in 0u32..100, year in 0u32..100) {
        let candidate = format!("{month:02}/{year:02}");
        prop_assert_eq!(rules::is_valid_expiry(&candidate), (1..=12).contains(&month));
    }

    #[test]
    fn expiry_rejects_anything_not_shaped_mm_slash_yy(candidate in "\\PC{0,8}") {
        let b = candidate.as_bytes();
        let shaped = b.len() == 5 && b[2] == b'/'
            && [b[0], b[1], b[3], b[4]].iter().all(u8::is_ascii_digit);
        if !shaped {
            prop_assert!(!rules::is_valid_expiry(&candidate));
        }
    }

    #[test]
    fn card_numbers_are_13_to_19_digits(digits in "[0-9]{0,25}") {
        prop_assert_eq!(rules::is_valid_card_number(&digits), (13..=19).contains(&digits.len()));
    }

    #[test]
    fn card_numbers_with_any_non_digit_fail(
        digits in "[0-9]{13,18}",
        bad in "[^0-9]",
        at in 0usize..19,
    ) {
        let mut candidate = digits.clone();
        candidate.insert_str(at.min(digits.len()), &bad);
        prop_assert!(!rules::is_valid_card_number(&candidate));
    }

    #[test]
    fn cvcs_are_3_or_4_digits(digits in "[0-9]{0,8}") {
        prop_assert_eq!(rules::is_valid_cvc(&digits), (3..=4).contains(&digits.len()));
    }

    #[test]
    fn cvcs_with_a_non_digit_fail(candidate in "[0-9]{0,2}[^0-9][0-9]{0,2}") {
        prop_assert!(!rules::is_valid_cvc(&candidate));
    }

    /// The field rules and the request validator agree, and never echo the secret.
    #[test]
    fn payment_validation_matches_the_rules(
        card in "[0-9 ]{10,20}",
        expiry in "[0-9/]{4,6}",
        cvc in "[0-9a]{2,5}",
    ) {
        let create = ProfileCreate {
            name: Some("n".into()),
            payment_details: Some(PaymentDetails {
                card_number: Some(card.clone().into()),
                expiry: Some(expiry.clone().into()),
                cvc: Some(cvc.clone().into()),
                zip_code: Some("10001".into()),
            }),
            ..Default::default()
        };
        let errors = validate::profile_create_fields(&create, CreateOptions::default());
        prop_assert_eq!(errors.contains("payment_details.card_number"), !rules::is_valid_card_number(&card));
        prop_assert_eq!(errors.contains("payment_details.expiry"), !rules::is_valid_expiry(&expiry));
        prop_assert_eq!(errors.contains("payment_details.cvc"), !rules::is_valid_cvc(&cvc));
        let shown = serde_json::to_string(&errors).unwrap();
        if card.len() > 12 {
            prop_assert!(!shown.contains(&card));
        }
    }
}
