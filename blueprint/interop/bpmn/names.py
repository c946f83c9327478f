"""The namespaces of a BPMN 2.0 file and of this package's ``sb:`` extension attributes."""

from __future__ import annotations

__all__ = ["NS", "SB_NS"]

#: Namespaces of BPMN 2.0 (model, DI, DC, DI base) and of this package's extension attributes.
NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
SB_NS = "https://github.com/service-blueprint/bpmn/1"
