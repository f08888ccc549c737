/**
 * Airbyte's marker of a deleted row (CDC convention): a record carrying it tells an append+dedup
 * destination to delete the row with that primary key. Singer's counterpart is `_sdc_deleted_at`.
 */
export const DELETED_AT = '_ab_cdc_deleted_at';
export const SINGER_DELETED_AT = '_sdc_deleted_at';
