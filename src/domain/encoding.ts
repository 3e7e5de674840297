// The log module's strict encoders, shared so one byte string has one spelling everywhere.
export { toBase64, fromBase64, toHex, fromHex } from '../log/encoding.js';
