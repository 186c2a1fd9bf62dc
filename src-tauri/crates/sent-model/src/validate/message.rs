//! Test-send pre-flight (E14): not a §11 rule set, but the same idea — catch what Sent would refuse
//! (400 `VALIDATION_002` for a non-E.164 number, `VALIDATION_001`/`004` for a missing body) before
//! anything is sent. Wording is our own.

use super::{messages, rules, FieldErrors};
use crate::message::SendMessage;

/// Every failing field of a send body: `to` (non-empty, each E.164) and `template` or `text`.
pub fn send_message_fields(req: &SendMessage) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if req.to.is_empty() {
        errors.add("to", "to must contain at least one recipient");
    }
    for (index, recipient) in req.to.iter().enumerate() {
        if !rules::is_e164(recipient) {
            let path = format!("to[{index}]");
            errors.add(path.clone(), messages::not_e164(&path));
        }
    }
    match (&req.template, &req.text) {
        (None, None) => errors.add("template", "template or text is required"),
        (None, Some(text)) if text.trim().is_empty() => {
            errors.add("text", messages::required("text"))
        }
        (Some(template), _) if template.id.is_none() && template.name.is_none() => {
            errors.add("template.id", "template.id or template.name is required")
        }
        _ => {}
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::SendTemplate;

    #[test]
    fn send_rules() {
        let empty = SendMessage::default();
        let errors = send_message_fields(&empty);
        assert!(errors.contains("to") && errors.contains("template"));
        let bad = SendMessage {
            to: vec!["+14155550199".into(), "4155550199".into()],
            template: Some(SendTemplate::default()),
            ..Default::default()
        };
        let errors = send_message_fields(&bad);
        assert_eq!(errors.paths().collect::<Vec<_>>(), ["template.id", "to[1]"]);
        let ok = SendMessage {
            to: vec!["+14155550199".into()],
            text: Some("Hi".into()),
            ..Default::default()
        };
        assert!(send_message_fields(&ok).is_empty());
    }
}
