// Hostile XML bodies: the Fault scan is linear and bounded (see xml-fault-scan.ts). The bodies below
// made the former lazy-regex scan run for most of a minute; here they are read in one pass.
import { describe, expect, it } from 'vitest';
import { readQboResponse } from '../../src/qbo/faults.js';
import { parseBody } from '../../src/qbo/fault-parser.js';
import { allElements, firstElement, MAX_FIELD_CHARS } from '../../src/qbo/xml-fault-scan.js';

describe('linear XML fault scan', () => {
  it('100,000 unclosed <Fault> tags (1.6 MB): classified as the server error it is, message short', () => {
    const body = `<IntuitResponse>${'<Fault type="x">'.repeat(100_000)}`;
    expect(body.length).toBeGreaterThan(1_600_000);
    const outcome = readQboResponse({ status: 503, headers: new Headers(), bodyText: body, method: 'GET', url: 'https://qbo.test/v3/company/1/query' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.failureType).toBe('transient_error');
    expect(outcome.error.message.length).toBeLessThan(600);
  });

  it('unclosed titles, Errors and CDATA sections stay linear and capped', () => {
    const html = parseBody(`<html>${'<title>'.repeat(50_000)}x`);
    expect(html.kind).toBe('html');
    if (html.kind === 'html') expect((html.title ?? '').length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    const xml = parseBody(`<Fault type="ValidationFault"><Error code="610"><Message>${'<![CDATA['.repeat(20_000)}</Message></Error>${'<Error>'.repeat(20_000)}</Fault>`);
    expect(xml.kind).toBe('xml');
    if (xml.kind === 'xml') {
      expect(xml.fault?.errors[0]?.code).toBe('610');
      expect(xml.fault?.errors.length).toBeLessThanOrEqual(50);
    }
  });

  it('reads real faults: namespace prefixes, attributes, entities, several Errors', () => {
    const body =
      '<?xml version="1.0"?><ns2:IntuitResponse xmlns:ns2="http://schema.intuit.com/finance/v3"><ns2:Fault type="ValidationFault">' +
      '<ns2:Error code="2020" element="Line"><ns2:Message>Required param missing</ns2:Message><ns2:Detail>Line &amp; amount</ns2:Detail></ns2:Error>' +
      '<ns2:Error code="6000"><ns2:Message><![CDATA[A <business> error]]></ns2:Message></ns2:Error></ns2:Fault></ns2:IntuitResponse>';
    const parsed = parseBody(body);
    expect(parsed).toEqual({
      kind: 'xml',
      fault: {
        shape: 'xml',
        type: 'ValidationFault',
        errors: [
          { code: '2020', message: 'Required param missing', detail: 'Line & amount', element: 'Line' },
          { code: '6000', message: 'A <business> error', detail: '', element: undefined },
        ],
      },
    });
    expect(firstElement('<a><b x="1">t</b></a>', 'b')).toMatchObject({ attrs: ' x="1"', inner: 't' });
    expect(allElements('<E>1</E><E>2</E><E>3', 'E').map((e) => e.inner)).toEqual(['1', '2', '3']);
  });
});
