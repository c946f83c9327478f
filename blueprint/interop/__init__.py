"""Other tools' formats: BPMN 2.0, Mermaid, draw.io and spreadsheets, one module each."""
