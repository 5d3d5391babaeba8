// Unit conversions: the reference pages' examples, every documented unit name, round trips and
// unknown units.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UNIT_NAMES } from '../../src/engine/scalar/functions/units.js';
import { approx, table } from './function-table.js';
import { call, nul, real, str } from './support.js';

table('convert_angle', [
  [[real(1.2), str('Degree'), str('Arcminute')], approx(72), 'real'],
  [[real(Math.PI), str('Radian'), str('Degree')], approx(180)],
  [[real(1), str('Revolution'), str('Gradian')], approx(400)],
  [[real(0.5), str('Tilt'), str('Degree')], approx(30)],
]);
table('convert_energy', [
  [[real(1.2), str('Joule'), str('BritishThermalUnit')], approx(0.00113738054437598)],
  [[real(1), str('KilowattHour'), str('Megajoule')], approx(3.6)],
]);
table('convert_force', [[[real(1.2), str('Newton'), str('Decanewton')], approx(0.12)]]);
table('convert_length', [
  [[real(1.2), str('Meter'), str('Foot')], approx(3.93700787401575)],
  [[real(1), str('Mile'), str('Kilometer')], approx(1.60934)],
]);
table('convert_mass', [[[real(1.2), str('Kilogram'), str('Pound')], approx(2.64554714621853)]]);
table('convert_speed', [
  [[real(1.2), str('MeterPerSecond'), str('CentimeterPerHour')], approx(432000)],
  [[real(1), str('Knot'), str('KilometerPerHour')], approx(1.852)],
]);
table('convert_temperature', [
  [[real(1.2), str('Kelvin'), str('DegreeCelsius')], approx(-271.95)],
  [[real(100), str('DegreeCelsius'), str('DegreeFahrenheit')], approx(212)],
  [[real(32), str('DegreeFahrenheit'), str('DegreeCelsius')], approx(0, 0), 'real'],
  [[real(0), str('degreecelsius'), str('kelvin')], approx(273.15)],
]);
table('convert_volume', [
  [[real(1.2), str('CubicMeter'), str('AcreFoot')], approx(0.0009728568)],
  [[real(1), str('UsGallon'), str('Liter')], approx(3.78541)],
  [[real(1), str('Liter'), str('Furlong')], null],
  [[nul('real'), str('Liter'), str('Liter')], null],
]);

// The "Conversion units" lists of the reference pages, copied here so that a missing unit fails.
const DOCUMENTED: Record<string, string> = {
  convert_angle:
    'Arcminute Arcsecond Centiradian Deciradian Degree Gradian Microdegree Microradian Millidegree Milliradian Nanodegree Nanoradian NatoMil Radian Revolution Tilt',
  convert_energy:
    'BritishThermalUnit Calorie DecathermEc DecathermImperial DecathermUs ElectronVolt Erg FootPound GigabritishThermalUnit GigaelectronVolt Gigajoule GigawattDay GigawattHour HorsepowerHour Joule KilobritishThermalUnit Kilocalorie KiloelectronVolt Kilojoule KilowattDay KilowattHour MegabritishThermalUnit Megacalorie MegaelectronVolt Megajoule MegawattDay MegawattHour Millijoule TeraelectronVolt TerawattDay TerawattHour ThermEc ThermImperial ThermUs WattDay WattHour',
  convert_force:
    'Decanewton Dyn KilogramForce Kilonewton KiloPond KilopoundForce Meganewton Micronewton Millinewton Newton OunceForce Poundal PoundForce ShortTonForce TonneForce',
  convert_length:
    'Angstrom AstronomicalUnit Centimeter Chain DataMile Decameter Decimeter DtpPica DtpPoint Fathom Foot Hand Hectometer Inch KilolightYear Kilometer Kiloparsec LightYear MegalightYear Megaparsec Meter Microinch Micrometer Mil Mile Millimeter Nanometer NauticalMile Parsec PrinterPica PrinterPoint Shackle SolarRadius Twip UsSurveyFoot Yard',
  convert_mass:
    'Centigram Decagram Decigram EarthMass Grain Gram Hectogram Kilogram Kilopound Kilotonne LongHundredweight LongTon Megapound Megatonne Microgram Milligram Nanogram Ounce Pound ShortHundredweight ShortTon Slug SolarMass Stone Tonne',
  convert_speed:
    'CentimeterPerHour CentimeterPerMinute CentimeterPerSecond DecimeterPerMinute DecimeterPerSecond FootPerHour FootPerMinute FootPerSecond InchPerHour InchPerMinute InchPerSecond KilometerPerHour KilometerPerMinute KilometerPerSecond Knot MeterPerHour MeterPerMinute MeterPerSecond MicrometerPerMinute MicrometerPerSecond MilePerHour MillimeterPerHour MillimeterPerMinute MillimeterPerSecond NanometerPerMinute NanometerPerSecond UsSurveyFootPerHour UsSurveyFootPerMinute UsSurveyFootPerSecond YardPerHour YardPerMinute YardPerSecond',
  convert_temperature:
    'DegreeCelsius DegreeDelisle DegreeFahrenheit DegreeNewton DegreeRankine DegreeReaumur DegreeRoemer Kelvin MillidegreeCelsius SolarTemperature',
  convert_volume:
    'AcreFoot AuTablespoon BoardFoot Centiliter CubicCentimeter CubicDecimeter CubicFoot CubicHectometer CubicInch CubicKilometer CubicMeter CubicMicrometer CubicMile CubicMillimeter CubicYard Decaliter DecausGallon Deciliter DeciusGallon HectocubicFoot HectocubicMeter Hectoliter HectousGallon ImperialBeerBarrel ImperialGallon ImperialOunce ImperialPint KilocubicFoot KilocubicMeter KiloimperialGallon Kiloliter KilousGallon Liter MegacubicFoot MegaimperialGallon Megaliter MegausGallon MetricCup MetricTeaspoon Microliter Milliliter OilBarrel UkTablespoon UsBeerBarrel UsCustomaryCup UsGallon UsLegalCup UsOunce UsPint UsQuart UsTablespoon UsTeaspoon',
};

describe('documented units', () => {
  for (const [fn, names] of Object.entries(DOCUMENTED)) {
    test(`${fn} knows every documented unit and round-trips through it`, () => {
      const known = new Set(UNIT_NAMES[fn]);
      const documented = names.split(' ');
      assert.deepEqual(
        documented.filter((u) => !known.has(u)),
        [],
      );
      assert.deepEqual(
        [...known].filter((u) => !documented.includes(u)),
        [],
      );
      const base = documented[0]!;
      for (const unit of documented) {
        const there = call(fn, real(0.25), str(base), str(unit)) as number;
        const back = call(fn, real(there), str(unit), str(base)) as number;
        assert.ok(Math.abs(back - 0.25) < 1e-9, `${fn}: ${base} -> ${unit} -> ${base} gave ${back}`);
      }
    });
  }
});
