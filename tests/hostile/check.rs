//! Checks every output record must pass, whatever the input.

use std::path::Path;
use std::sync::LazyLock;

use serde_json::Value;

/// The output schema's validator, compiled once.
static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let schema = std::fs::read_to_string(root.join("crates/copydesk/schema/record.schema.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&schema).unwrap())
        .expect("the schema is a valid JSON Schema")
});

/// Checks `record` against the output schema, its offsets against its text,
/// and its sentences' order; returns what is wrong.
pub fn record(record: &Value) -> Result<(), String> {
    let errors: Vec<String> =
        SCHEMA.iter_errors(record).map(|e| format!("{}: {e}", e.instance_path())).take(5).collect();
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    let Some(text) = record["text"].as_str() else { return Ok(()) };
    offsets(text, record)?;
    let sentences = record["sentences"].as_array().map(Vec::as_slice).unwrap_or_default();
    let mut after = 0;
    for s in sentences {
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        if start < after || end <= start {
            return Err(format!("sentence {start}..{end} after {after}"));
        }
        after = end;
    }
    Ok(())
}

/// Every object with `start`, `end` and `text` names the stretch of `text`
/// it quotes, on character boundaries.
fn offsets(text: &str, value: &Value) -> Result<(), String> {
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end), Some(surface)) =
                (map.get("start"), map.get("end"), map.get("text"))
            {
                let (start, end) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
                if text.get(start..end) != surface.as_str() {
                    return Err(format!("{start}..{end} is {:?}, not {surface}", text.get(start..end)));
                }
            }
            map.iter().filter(|(k, _)| k.as_str() != "text").try_for_each(|(_, v)| offsets(text, v))
        }
        Value::Array(items) => items.iter().try_for_each(|v| offsets(text, v)),
        _ => Ok(()),
    }
}
