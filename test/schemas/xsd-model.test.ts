import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonTypeOf, NUMERIC_NAME, XsdModel } from '../../scripts/schemas-xsd.js';
import { tempDir } from '../support/temp-dir.js';

const XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <!-- <xs:complexType name="Commented"/> -->
  <xs:simpleType name="id"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:simpleType name="Money"><xs:restriction base="xs:decimal"/></xs:simpleType>
  <xs:complexType name="ReferenceType">
    <xs:simpleContent><xs:extension base="id">
      <xs:attribute name="name" type="xs:string" use="optional"/>
    </xs:extension></xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="Base" abstract="true">
    <xs:sequence>
      <xs:element name="Id" type="id" minOccurs="0"><xs:annotation><xs:documentation>x</xs:documentation></xs:annotation></xs:element>
    </xs:sequence>
    <xs:attribute name="domain" type="xs:string"/>
  </xs:complexType>
  <xs:group name="G"><xs:sequence><xs:element name="FromGroup" type="xs:boolean"/></xs:sequence></xs:group>
  <xs:complexType name="Thing">
    <xs:complexContent><xs:extension base="Base"><xs:sequence>
      <xs:element name="Total" type="Money"/>
      <xs:element name="Hours" type="xs:int"/>
      <xs:element name="LineNum" type="xs:positiveInteger"/>
      <xs:element name="Tag" type="ReferenceType" maxOccurs="unbounded"/>
      <xs:choice><xs:element name="When" type="xs:dateTime"/><xs:element name="Day" type="xs:date"/></xs:choice>
      <xs:group ref="G"/>
    </xs:sequence></xs:extension></xs:complexContent>
  </xs:complexType>
</xs:schema>`;

describe('XSD model', () => {
  const dir = tempDir('xsd-');
  writeFileSync(join(dir, 'T.xsd'), XSD);
  const model = XsdModel.load(dir);

  it('flattens inheritance, choices, groups and attributes in order', () => {
    expect(model.fieldsOf('Thing').map((f) => f.name)).toEqual(['Id', 'domain', 'Total', 'Hours', 'LineNum', 'Tag', 'When', 'Day', 'FromGroup']);
    expect(model.fieldsOf('Thing').find((f) => f.name === 'Tag')?.many).toBe(true);
    expect(model.complexTypes.has('Commented')).toBe(false);
  });

  it('reduces simple types to JSON primitives', () => {
    expect(model.primitive('Money')).toBe('number');
    expect(model.primitive('id')).toBe('string');
    expect(model.primitive('xs:positiveInteger')).toBe('integer');
    expect(model.primitive('ReferenceType')).toBeUndefined();
    expect(model.complexTypes.get('ReferenceType')?.simpleBase).toBe('id');
  });

  it('types amount-like integers as number, counters as integer', () => {
    expect(jsonTypeOf('integer', 'Hours')).toEqual({ type: 'number' });
    expect(jsonTypeOf('integer', 'BreakMinutes')).toEqual({ type: 'number' });
    expect(jsonTypeOf('integer', 'LineNum')).toEqual({ type: 'integer' });
    expect(jsonTypeOf('integer', 'DueDays')).toEqual({ type: 'integer' });
    expect(jsonTypeOf('date', 'TxnDate')).toEqual({ type: 'string', format: 'date' });
    for (const n of ['TotalAmt', 'Qty', 'HourlyRate', 'TaxPercent', 'UnitPrice', 'PurchaseCost', 'Balance', 'TotalTax']) {
      expect(NUMERIC_NAME.test(n), n).toBe(true);
    }
  });
});
