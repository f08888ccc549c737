// The parsed form of a QBO query.

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'bool'; value: boolean };

export type Operator = '=' | '<' | '>' | '<=' | '>=' | 'IN' | 'LIKE';

export interface Condition {
  /** Property path as written, split on dots (e.g. ["Metadata", "LastUpdatedTime"]). */
  path: string[];
  op: Operator;
  /** One value, or the list of an IN. */
  values: Literal[];
}

export interface OrderTerm {
  path: string[];
  desc: boolean;
}

export interface Query {
  count: boolean;
  /** The entity as written in FROM. */
  entity: string;
  where: Condition[];
  orderBy: OrderTerm[];
  startPosition: number | undefined;
  maxResults: number | undefined;
}
