// IPv6 functions and the IPv4 range functions: the reference pages' examples, plus malformed
// addresses, out-of-range prefixes and nulls.
import { table } from './function-table.js';
import { dyn, long, str } from './support.js';

const pairs = (rows: [string, string, boolean | number][], name: string) =>
  table(
    name,
    rows.map(([a, b, r]) => [[str(a), str(b)], r]),
  );

// parse-ipv6-function.md and parse-ipv6-mask-function.md.
table('parse_ipv6', [
  [[str('192.168.255.255')], '0000:0000:0000:0000:0000:ffff:c0a8:ffff', 'string'],
  [[str('192.168.255.255/24')], '0000:0000:0000:0000:0000:ffff:c0a8:ff00'],
  [[str('255.255.255.255')], '0000:0000:0000:0000:0000:ffff:ffff:ffff'],
  [[str('fe80::85d:e82c:9446:7994')], 'fe80:0000:0000:0000:085d:e82c:9446:7994'],
  [[str('::1')], '0000:0000:0000:0000:0000:0000:0000:0001'],
  [[str('::')], '0000:0000:0000:0000:0000:0000:0000:0000'],
  [[str('1:2:3:4:5:6:7:8')], '0001:0002:0003:0004:0005:0006:0007:0008'],
  [[str('2001:db8::/32')], '2001:0db8:0000:0000:0000:0000:0000:0000'],
  [[str('1:2:3:4:5:6:7:8:9')], ''],
  [[str('1::2::3')], ''],
  [[str('12345::')], ''],
  [[str('::1/129')], ''],
  [[str('192.168.1.1/33')], ''],
  [[str('not an address')], ''],
  [[str('')], ''],
]);
table('parse_ipv6_mask', [
  [[str('192.168.255.255'), long(120)], '0000:0000:0000:0000:0000:ffff:c0a8:ff00'],
  [[str('192.168.255.255/24'), long(124)], '0000:0000:0000:0000:0000:ffff:c0a8:ff00'],
  [[str('255.255.255.255'), long(128)], '0000:0000:0000:0000:0000:ffff:ffff:ffff'],
  [[str('fe80::85d:e82c:9446:7994'), long(128)], 'fe80:0000:0000:0000:085d:e82c:9446:7994'],
  [[str('fe80::85d:e82c:9446:7994/120'), long(124)], 'fe80:0000:0000:0000:085d:e82c:9446:7900'],
  [[str('::192.168.255.255'), long(128)], '0000:0000:0000:0000:0000:ffff:c0a8:ffff'],
  [[str('::192.168.255.255/24'), long(128)], '0000:0000:0000:0000:0000:ffff:c0a8:ff00'],
  [[str('::1'), long(129)], ''],
  [[str('::1'), long(null)], ''],
]);

// ipv6-is-match-function.md (both examples).
pairs(
  [
    ['192.168.1.1', '192.168.1.1', true],
    ['192.168.1.1/24', '192.168.1.255', true],
    ['192.168.1.1', '192.168.1.255/24', true],
    ['192.168.1.1/30', '192.168.1.255/24', true],
    ['fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7994', true],
    ['fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998', true],
    ['fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7998/120', true],
    ['fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998/120', true],
    ['192.168.1.1', '::ffff:c0a8:0101', true],
    ['192.168.1.1/24', '::ffff:c0a8:01ff', true],
    ['::ffff:c0a8:0101', '192.168.1.255/24', true],
    ['::192.168.1.1/30', '192.168.1.255/24', true],
    ['fe80::1', 'fe80::2', false],
  ],
  'ipv6_is_match',
);
const prefixed: [string, string, number][] = [
  ['192.168.1.1', '192.168.1.0', 31],
  ['192.168.1.1/24', '192.168.1.255', 31],
  ['192.168.1.1', '192.168.1.255', 24],
  ['fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7995', 127],
  ['fe80::85d:e82c:9446:7994/127', 'fe80::85d:e82c:9446:7998', 120],
  ['fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998', 127],
  ['192.168.1.1/24', '::ffff:c0a8:01ff', 127],
  ['::ffff:c0a8:0101', '192.168.1.255', 120],
  ['::192.168.1.1/30', '192.168.1.255/24', 127],
];
table(
  'ipv6_is_match',
  prefixed.map(([a, b, p]) => [[str(a), str(b), long(p)], true]),
);
table('ipv6_compare', [
  ...prefixed.map(([a, b, p]): [ReturnType<typeof str>[], number] => [[str(a), str(b), long(p)], 0]),
  [[str('fe80::1'), str('fe80::2')], -1, 'int'],
  [[str('fe80::2'), str('fe80::1')], 1],
  [[str('::1'), str('1.2.3.4')], -1],
  [[str('bad'), str('::1')], null],
  [[str('::1'), str('::1'), long(200)], null],
]);

// ipv6-is-in-range-function.md and ipv6-is-in-any-range-function.md.
pairs(
  [
    ['a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', 'a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112', true],
    ['a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', 'a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', true],
    ['a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', '0:0:0:0:0:ffff:c0a8:ac/60', false],
  ],
  'ipv6_is_in_range',
);
table('ipv6_is_in_range', [[[str('x'), str('::/0')], null]]);
const localNetworks = dyn('["a5e:f127:8a9d:146d:e102:b5d3:c755:f6cd/112", "0:0:0:0:0:ffff:c0a8:ac/60"]');
table('ipv6_is_in_any_range', [
  [[str('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd'), localNetworks], true],
  [[str('a5e:f127:8a9d:146d:e102:b5d3:c755:abcf'), localNetworks], true],
  [[str('a5e:f127:8a9d:146d:e102:b5d3:c756:abd1'), localNetworks], false],
  [[str('10.1.2.3'), str('::1'), str('10.0.0.0/8')], true],
  [[str('::1'), str('not a range')], null],
  [[str('nope'), str('::/0')], null],
]);

// format-ipv4-mask-function.md, ipv4-netmask-suffix-function.md, ipv4-range-to-cidr-list-function.md.
table('format_ipv4_mask', [
  [[str('192.168.1.1'), long(24)], '192.168.1.0/24'],
  [[str('192.168.1.1'), long(32)], '192.168.1.1/32'],
  [[str('192.168.1.1/24'), long(32)], '192.168.1.0/24'],
  [[str('192.168.1.1/24'), long(-1)], ''],
  [[str('192.168.1.1')], '192.168.1.1/32'],
  [[long(3232235777)], '192.168.1.1/32'],
  [[str('300.1.1.1')], ''],
]);
table('ipv4_netmask_suffix', [
  [[str('10.1.2.3')], 32, 'int'],
  [[str('192.168.1.1/24')], 24],
  [[str('127.0.0.1/16')], 16],
  [[str('10.1.2')], null],
]);
table('ipv4_range_to_cidr_list', [
  [
    [str('1.1.128.0'), str('1.1.140.255')],
    ['1.1.128.0/21', '1.1.136.0/22', '1.1.140.0/24'],
  ],
  [[str('10.0.0.0'), str('10.0.0.0')], ['10.0.0.0/32']],
  [[str('0.0.0.0'), str('255.255.255.255')], ['0.0.0.0/0']],
  [
    [str('10.0.0.1'), str('10.0.0.6')],
    ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32'],
  ],
  [[str('10.0.0.2'), str('10.0.0.1')], null],
  [[str('x'), str('10.0.0.1')], null],
]);
