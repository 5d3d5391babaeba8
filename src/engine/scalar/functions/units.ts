/**
 * Unit conversions: convert_angle, convert_energy, convert_force, convert_length, convert_mass,
 * convert_speed, convert_temperature, convert_volume (value, from, to). Unit names are the ones
 * the reference pages list ("Conversion units"); unknown units give null. Names match without
 * regard to case.
 *
 * Each unit is its size in the quantity's base unit (the factors are the published definitions
 * of the units, as the UnitsNet library Kusto builds on states them: a US gallon is 0.00378541 m³,
 * an acre-foot 1/0.000810714 m³), or, for affine and non-linear scales (temperatures, tilt), a
 * pair of functions to and from the base.
 */
import { asReal, asString, bound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

type Scale = number | { readonly toBase: (x: number) => number; readonly fromBase: (x: number) => number };
type Units = Readonly<Record<string, Scale>>;

/** `unit` with SI prefixes: { Kilo: 1e3, ... } applied to a base size, keyed `Kilo` + lowercased unit. */
function prefixed(unit: string, size: number, prefixes: readonly string[]): Record<string, number> {
  const factors: Record<string, number> = {
    Nano: 1e-9,
    Micro: 1e-6,
    Milli: 1e-3,
    Centi: 1e-2,
    Deci: 1e-1,
    Deca: 1e1,
    Hecto: 1e2,
    Kilo: 1e3,
    Mega: 1e6,
    Giga: 1e9,
    Tera: 1e12,
  };
  const out: Record<string, number> = { [unit]: size };
  for (const p of prefixes) out[p + unit[0]!.toLowerCase() + unit.slice(1)] = size * factors[p]!;
  return out;
}

const DEGREES_PER_RADIAN = 180 / Math.PI;

const ANGLE: Units = {
  ...prefixed('Degree', 1, ['Nano', 'Micro', 'Milli']),
  ...prefixed('Radian', DEGREES_PER_RADIAN, ['Nano', 'Micro', 'Milli', 'Centi', 'Deci']),
  Arcminute: 1 / 60,
  Arcsecond: 1 / 3600,
  Gradian: 0.9,
  NatoMil: 9 / 160,
  Revolution: 360,
  // Tilt is the sine of the angle.
  Tilt: {
    toBase: (x) => Math.asin(x) * DEGREES_PER_RADIAN,
    fromBase: (x) => Math.sin(x / DEGREES_PER_RADIAN),
  },
};

const ENERGY: Units = {
  ...prefixed('Joule', 1, ['Milli', 'Kilo', 'Mega', 'Giga']),
  ...prefixed('Calorie', 4.184, ['Kilo', 'Mega']),
  ...prefixed('BritishThermalUnit', 1055.05585262, ['Kilo', 'Mega', 'Giga']),
  ...prefixed('ElectronVolt', 1.602176565e-19, ['Kilo', 'Mega', 'Giga', 'Tera']),
  FootPound: 1.355817948,
  Erg: 1e-7,
  ...prefixed('WattHour', 3600, ['Kilo', 'Mega', 'Giga', 'Tera']),
  ...prefixed('WattDay', 24 * 3600, ['Kilo', 'Mega', 'Giga', 'Tera']),
  ThermEc: 1.05505585262e8,
  DecathermEc: 1.05505585262e9,
  ThermUs: 1.054804e8,
  DecathermUs: 1.054804e9,
  ThermImperial: 1.05505585257348e8,
  DecathermImperial: 1.05505585257348e9,
  HorsepowerHour: 2.6845195377e6,
};

const FORCE: Units = {
  ...prefixed('Newton', 1, ['Micro', 'Milli', 'Deca', 'Kilo', 'Mega']),
  Dyn: 1e-5,
  KilogramForce: 9.80665002864,
  TonneForce: 9.80665002864e3,
  KiloPond: 9.80665002864,
  Poundal: 0.1382550279897304,
  ...prefixed('PoundForce', 4.448221615260509, ['Kilo']),
  OunceForce: 2.780138509537812e-1,
  ShortTonForce: 8.896443230521e3,
};

const LENGTH: Units = {
  ...prefixed('Meter', 1, ['Nano', 'Micro', 'Milli', 'Centi', 'Deci', 'Deca', 'Hecto', 'Kilo']),
  Angstrom: 1e-10,
  AstronomicalUnit: 1.495978707e11,
  Chain: 20.1168,
  DataMile: 1828.8,
  DtpPica: 1 / 236.220472441,
  DtpPoint: 2.54e-2 / 72,
  Fathom: 1.8288,
  Foot: 0.3048,
  Hand: 0.1016,
  Inch: 2.54e-2,
  ...prefixed('LightYear', 9.46073047258e15, ['Kilo', 'Mega']),
  ...prefixed('Parsec', 3.08567758128e16, ['Kilo', 'Mega']),
  Microinch: 2.54e-8,
  Mil: 2.54e-5,
  Mile: 1609.34,
  NauticalMile: 1852,
  PrinterPica: 1 / 237.106301584,
  PrinterPoint: 2.54e-2 / 72.27,
  Shackle: 27.432,
  SolarRadius: 6.95508e8,
  Twip: 1 / 56692.913385826,
  UsSurveyFoot: 1200 / 3937,
  Yard: 0.9144,
};

const MASS: Units = {
  ...prefixed('Gram', 1e-3, ['Nano', 'Micro', 'Milli', 'Centi', 'Deci', 'Deca', 'Hecto', 'Kilo']),
  ...prefixed('Tonne', 1e3, ['Kilo', 'Mega']),
  ...prefixed('Pound', 0.45359237, ['Kilo', 'Mega']),
  ShortTon: 9.0718474e2,
  LongTon: 1.0160469088e3,
  Ounce: 0.028349523125,
  Slug: 1 / 6.852176556196105e-2,
  Stone: 1 / 0.1574731728702698,
  ShortHundredweight: 1 / 0.022046226218487758,
  LongHundredweight: 1 / 0.01968413055222121,
  Grain: 1 / 15432.358352941432,
  SolarMass: 1.98947e30,
  EarthMass: 5.9722e24,
};

function perTime(unit: string, size: number, times: readonly ('Second' | 'Minute' | 'Hour')[]) {
  const seconds = { Second: 1, Minute: 60, Hour: 3600 };
  const out: Record<string, number> = {};
  for (const t of times) out[`${unit}Per${t}`] = size / seconds[t];
  return out;
}

const ALL_TIMES = ['Second', 'Minute', 'Hour'] as const;

const SPEED: Units = {
  ...perTime('Meter', 1, ALL_TIMES),
  ...perTime('Centimeter', 1e-2, ALL_TIMES),
  ...perTime('Decimeter', 1e-1, ['Second', 'Minute']),
  ...perTime('Kilometer', 1e3, ALL_TIMES),
  ...perTime('Millimeter', 1e-3, ALL_TIMES),
  ...perTime('Micrometer', 1e-6, ['Second', 'Minute']),
  ...perTime('Nanometer', 1e-9, ['Second', 'Minute']),
  ...perTime('Foot', 0.3048, ALL_TIMES),
  ...perTime('Inch', 2.54e-2, ALL_TIMES),
  ...perTime('Yard', 0.9144, ALL_TIMES),
  ...perTime('UsSurveyFoot', 1200 / 3937, ALL_TIMES),
  Knot: 1852 / 3600,
  MilePerHour: 0.44704,
};

function affine(scale: number, offset: number): Scale {
  return { toBase: (x) => x * scale + offset, fromBase: (k) => (k - offset) / scale };
}

const TEMPERATURE: Units = {
  Kelvin: 1,
  DegreeCelsius: affine(1, 273.15),
  MillidegreeCelsius: affine(1e-3, 273.15),
  DegreeDelisle: affine(-2 / 3, 373.15),
  DegreeFahrenheit: affine(5 / 9, (459.67 * 5) / 9),
  DegreeNewton: affine(100 / 33, 273.15),
  DegreeRankine: 5 / 9,
  DegreeReaumur: affine(5 / 4, 273.15),
  DegreeRoemer: affine(40 / 21, 273.15 - (7.5 * 40) / 21),
  SolarTemperature: 5778,
};

const VOLUME: Units = {
  ...prefixed('Liter', 1e-3, ['Micro', 'Milli', 'Centi', 'Deci', 'Deca', 'Hecto', 'Kilo', 'Mega']),
  ...prefixed('CubicMeter', 1, []),
  HectocubicMeter: 1e2,
  KilocubicMeter: 1e3,
  CubicKilometer: 1e9,
  CubicHectometer: 1e6,
  CubicDecimeter: 1e-3,
  CubicCentimeter: 1e-6,
  CubicMillimeter: 1e-9,
  CubicMicrometer: 1e-18,
  CubicMile: 4.16818182544058e9,
  CubicYard: 0.764554858,
  CubicFoot: 0.0283168,
  HectocubicFoot: 0.0283168e2,
  KilocubicFoot: 0.0283168e3,
  MegacubicFoot: 0.0283168e6,
  CubicInch: 1.6387e-5,
  BoardFoot: 2.3597372158e-3,
  ...prefixed('ImperialGallon', 0.0045460900000018145, ['Kilo', 'Mega']),
  ImperialOunce: 2.84130624999629e-5,
  ImperialPint: 5.6826125e-4,
  ImperialBeerBarrel: 0.16365924,
  ...prefixed('UsGallon', 0.00378541, ['Deci', 'Deca', 'Hecto', 'Kilo', 'Mega']),
  UsOunce: 2.9573529562537606e-5,
  UsTablespoon: 1.478676478125e-5,
  AuTablespoon: 2e-5,
  UkTablespoon: 1.5e-5,
  MetricTeaspoon: 0.5e-5,
  UsTeaspoon: 4.92892159375e-6,
  MetricCup: 0.00025,
  UsCustomaryCup: 0.0002365882365,
  UsLegalCup: 0.00024,
  OilBarrel: 0.158987294928,
  UsBeerBarrel: 0.1173477658,
  UsQuart: 9.46352946e-4,
  UsPint: 4.73176473e-4,
  AcreFoot: { toBase: (x) => x / 0.000810714, fromBase: (x) => x * 0.000810714 },
};

/** Case-insensitive lookup tables, built once. */
function byLowerName(units: Units): ReadonlyMap<string, Scale> {
  return new Map(Object.entries(units).map(([k, v]) => [k.toLowerCase(), v]));
}

function toBase(s: Scale, x: number): number {
  return typeof s === 'number' ? x * s : s.toBase(x);
}

function fromBase(s: Scale, x: number): number {
  return typeof s === 'number' ? x / s : s.fromBase(x);
}

/** Converts between two units of a quantity; null for an unknown unit. */
export function convertUnits(
  units: ReadonlyMap<string, Scale>,
  value: number,
  from: string,
  to: string,
): number | null {
  const f = units.get(from.trim().toLowerCase());
  const t = units.get(to.trim().toLowerCase());
  if (f === undefined || t === undefined) return null;
  if (f === t) return value;
  return fromBase(t, toBase(f, value));
}

function converter(units: Units) {
  const table = byLowerName(units);
  return def(3, 3, (args) => {
    const value = asReal(args[0]!.type);
    const from = asString(args[1]!.type);
    const to = asString(args[2]!.type);
    return bound('real', (a) => {
      const v = value(a[0]!);
      return v === null ? null : convertUnits(table, v, from(a[1]!), to(a[2]!));
    });
  });
}

/** The unit names each conversion function accepts (for documentation and tests). */
export const UNIT_NAMES: Readonly<Record<string, readonly string[]>> = {
  convert_angle: Object.keys(ANGLE),
  convert_energy: Object.keys(ENERGY),
  convert_force: Object.keys(FORCE),
  convert_length: Object.keys(LENGTH),
  convert_mass: Object.keys(MASS),
  convert_speed: Object.keys(SPEED),
  convert_temperature: Object.keys(TEMPERATURE),
  convert_volume: Object.keys(VOLUME),
};

export const unitFunctions: FunctionTable = {
  convert_angle: converter(ANGLE),
  convert_energy: converter(ENERGY),
  convert_force: converter(FORCE),
  convert_length: converter(LENGTH),
  convert_mass: converter(MASS),
  convert_speed: converter(SPEED),
  convert_temperature: converter(TEMPERATURE),
  convert_volume: converter(VOLUME),
};
