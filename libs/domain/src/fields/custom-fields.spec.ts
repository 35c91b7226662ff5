import { checkCustomFields } from './custom-fields';
import { FieldDataType } from './field-data-type';
import type { FieldDefinition } from './field-definition';

const definition = (
  name: string,
  dataType: FieldDataType,
  extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({
  name,
  dataType,
  length: dataType === FieldDataType.Char || dataType === FieldDataType.Varchar ? 10 : null,
  sendAttribute: null,
  displayName: name,
  editable: true,
  mandatory: false,
  defaultValue: null,
  ...extra,
});

const fields = [
  definition('customer_name', FieldDataType.Varchar, { mandatory: true }),
  definition('balance', FieldDataType.Float),
  definition('segment', FieldDataType.Char, { defaultValue: 'B' }),
  definition('score', FieldDataType.Int, { editable: false }),
  definition('last_contact', FieldDataType.Datetime),
];

describe('checkCustomFields', () => {
  describe('create', () => {
    it('returns stored values with defaults filled in and unset optional fields left out', () => {
      expect(
        checkCustomFields(fields, { customer_name: 'Ann', balance: '10.5', score: '7' }, 'create'),
      ).toEqual({
        ok: true,
        values: { customer_name: 'Ann', balance: 10.5, segment: 'B', score: 7 },
      });
    });

    it('keeps an explicit null for an optional field', () => {
      expect(checkCustomFields(fields, { customer_name: 'Ann', segment: null }, 'create')).toEqual({
        ok: true,
        values: { customer_name: 'Ann', segment: null },
      });
    });

    it('requires mandatory fields', () => {
      expect(checkCustomFields(fields, {}, 'create')).toEqual({
        ok: false,
        errors: [{ field: 'customer_name', code: 'required', message: 'customer_name is mandatory' }],
      });
      expect(checkCustomFields(fields, { customer_name: null }, 'create')).toMatchObject({
        ok: false,
        errors: [{ code: 'required' }],
      });
    });

    it('satisfies a mandatory field from its default value', () => {
      const withDefault = [
        definition('region', FieldDataType.Varchar, { mandatory: true, defaultValue: 'EU' }),
      ];
      expect(checkCustomFields(withDefault, {}, 'create')).toEqual({ ok: true, values: { region: 'EU' } });
    });

    it('reports every bad field at once, unknown fields included', () => {
      const result = checkCustomFields(
        fields,
        { customer_name: 'A very long name', balance: 'lots', last_contact: '2026-02-30', nickname: 'x' },
        'create',
      );
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors.map((error) => [error.field, error.code])).toEqual([
          ['nickname', 'unknown_field'],
          ['customer_name', 'too_long'],
          ['balance', 'invalid_type'],
          ['last_contact', 'invalid_datetime'],
        ]);
      }
    });
  });

  describe('update', () => {
    it('returns only the fields sent, without defaults', () => {
      expect(checkCustomFields(fields, { balance: 3 }, 'update')).toEqual({
        ok: true,
        values: { balance: 3 },
      });
      expect(checkCustomFields(fields, {}, 'update')).toEqual({ ok: true, values: {} });
    });

    it('refuses changes to fields that are not editable', () => {
      expect(checkCustomFields(fields, { score: 9 }, 'update')).toEqual({
        ok: false,
        errors: [{ field: 'score', code: 'not_editable', message: 'score cannot be changed' }],
      });
    });

    it('refuses clearing a mandatory field but allows clearing an optional one', () => {
      expect(checkCustomFields(fields, { customer_name: null }, 'update')).toMatchObject({
        ok: false,
        errors: [{ code: 'required' }],
      });
      expect(checkCustomFields(fields, { balance: null }, 'update')).toEqual({
        ok: true,
        values: { balance: null },
      });
    });
  });
});
