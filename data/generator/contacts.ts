import type { Rng } from './random';

/**
 * Contact details for leads: an email at a made-up company domain under the reserved `.example`
 * top-level domain (RFC 2606, so no real mailbox is ever named) and an 11-digit mainland mobile
 * number. Every contact is unique except the duplicates planted on purpose.
 */

const SURNAMES = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu',
  'guo', 'he', 'lin', 'gao', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng',
  'zeng', 'xiao', 'tian', 'dong', 'pan', 'yuan', 'cai', 'jiang', 'yu', 'du',
];
const GIVEN = [
  'wei', 'fang', 'na', 'min', 'jing', 'li', 'qiang', 'lei', 'jun', 'yang', 'yong', 'yan', 'jie', 'tao', 'ming',
  'chao', 'xiuying', 'xia', 'ping', 'gang', 'hui', 'hao', 'yu', 'lin', 'xin', 'bo', 'peng', 'hua', 'dan', 'kai',
  'ting', 'rui', 'xue', 'qian', 'long', 'fei', 'ning', 'shuang', 'zhen', 'bin', 'yi', 'xiang', 'lan', 'cheng',
  'wen', 'qing', 'jian', 'hong', 'mei', 'yun', 'zhiqiang', 'jianguo', 'haiyan', 'xiaoming', 'xiaohong', 'yuxuan',
  'zihan', 'haoran', 'siyu', 'yiming',
];
const COMPANY_A = [
  'hua', 'zhong', 'xin', 'tian', 'jin', 'hong', 'sheng', 'long', 'da', 'kai', 'heng', 'rui', 'bo', 'yuan', 'feng',
  'guang', 'ming', 'tai', 'an', 'de', 'chang', 'hai', 'jia', 'mei', 'yi', 'fu', 'xing', 'ke', 'shi', 'yun',
];
const COMPANY_B = [
  'xin', 'tong', 'da', 'teng', 'yuan', 'cheng', 'tai', 'hui', 'rong', 'chuang', 'sheng', 'li', 'hua', 'jie', 'ze',
  'wei', 'xiang', 'fa', 'kang', 'neng', 'an', 'ding', 'rui', 'zhi', 'yu', 'bang', 'lian', 'he', 'yi', 'shun',
];
const COMPANY_SUFFIX = ['tech', 'keji', 'group', 'jituan', 'shiye', 'data', 'soft', ''];
const MOBILE_PREFIXES = [
  130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155, 156, 157, 158, 159, 166, 176, 177, 180, 181, 182,
  185, 186, 187, 188, 189, 191, 198, 199,
];

export interface Contact {
  email: string;
  phone: string;
}

export interface ContactBook {
  /** A new contact, unique within this book. */
  fresh(rng: Rng): Contact;
  /** A contact given out recently, or null if there is none yet: a lead that came back. */
  recent(rng: Rng): { contact: Contact; index: number } | null;
  /** Records that the contact of lead `index` was given out, for later duplicates. */
  remember(contact: Contact, index: number): void;
}

const RECENT_SIZE = 1500;

const PHONE_SPACE = 100_000_000;
const PHONE_HALF_BITS = 14;
const PHONE_HALF_MASK = (1 << PHONE_HALF_BITS) - 1;

/**
 * A bijection of [0, 10^8): a 4-round Feistel network on 28 bits, walking the cycle until the
 * value falls below 10^8 (cycle walking keeps it a permutation of the smaller range).
 */
export function permutePhoneDigits(n: number, keys: readonly number[]): number {
  if (!(n >= 0 && n < PHONE_SPACE)) throw new Error(`phone number index ${n} is out of range`);
  let x = n;
  do {
    let left = x >>> PHONE_HALF_BITS;
    let right = x & PHONE_HALF_MASK;
    for (const key of keys) {
      const mixed = (Math.imul(right ^ key, 0x2c1b3c6d) >>> 11) & PHONE_HALF_MASK;
      [left, right] = [right, left ^ mixed];
    }
    x = (left << PHONE_HALF_BITS) | right;
  } while (x >= PHONE_SPACE);
  return x;
}

function localPart(surname: string, given: string, format: number, suffix: number): string {
  const tail = suffix === 0 ? '' : String(suffix + 1);
  switch (format) {
    case 0:
      return `${surname}.${given}${tail}`;
    case 1:
      return `${given}.${surname}${tail}`;
    case 2:
      return `${surname}${given}${tail}`;
    default:
      return `${given.charAt(0)}${surname}${tail}`;
  }
}

/**
 * The contacts of one generator run. `seedRng` only keys the phone-number permutation, so the
 * numbers differ between seeds.
 */
export function createContactBook(seedRng: Rng): ContactBook {
  // Numeric keys (small integers) instead of strings: a million-lead run keeps a Set of numbers.
  const emailKeys = new Set<number>();
  const recentContacts: Contact[] = [];
  const recentIndex: number[] = [];
  let recentNext = 0;

  const freshEmail = (rng: Rng): string => {
    for (;;) {
      const s = rng.int(0, SURNAMES.length - 1);
      const g = rng.int(0, GIVEN.length - 1);
      const f = rng.int(0, 3);
      const a = rng.int(0, COMPANY_A.length - 1);
      const b = rng.int(0, COMPANY_B.length - 1);
      const x = rng.int(0, COMPANY_SUFFIX.length - 1);
      const base = (((((a * COMPANY_B.length + b) * COMPANY_SUFFIX.length + x) * SURNAMES.length + s) * GIVEN.length + g) * 4 + f) * 10;
      // Namesakes at one company get a digit, as mail admins do; after nine, draw another person.
      for (let suffix = 0; suffix < 10; suffix++) {
        if (emailKeys.has(base + suffix)) continue;
        emailKeys.add(base + suffix);
        const domain = `${COMPANY_A[a]}${COMPANY_B[b]}${COMPANY_SUFFIX[x]}.example`;
        return `${localPart(SURNAMES[s] as string, GIVEN[g] as string, f, suffix)}@${domain}`;
      }
    }
  };

  // Phone numbers are unique by construction: the 8 digits after the prefix are the n-th value of
  // a keyed permutation of 0 .. 99,999,999, so no set of a million numbers is needed.
  const phoneKeys = [0, 0, 0, 0].map(() => seedRng.int(0, PHONE_HALF_MASK));
  let phonesGiven = 0;
  const freshPhone = (rng: Rng): string => {
    const prefix = MOBILE_PREFIXES[rng.int(0, MOBILE_PREFIXES.length - 1)] as number;
    const digits = permutePhoneDigits(phonesGiven++, phoneKeys);
    return `${prefix}${String(digits).padStart(8, '0')}`;
  };

  return {
    fresh: (rng) => ({ email: freshEmail(rng), phone: freshPhone(rng) }),
    recent: (rng) => {
      if (recentContacts.length === 0) return null;
      const slot = rng.int(0, recentContacts.length - 1);
      return { contact: recentContacts[slot] as Contact, index: recentIndex[slot] as number };
    },
    remember: (contact, index) => {
      if (recentContacts.length < RECENT_SIZE) {
        recentContacts.push(contact);
        recentIndex.push(index);
      } else {
        recentContacts[recentNext] = contact;
        recentIndex[recentNext] = index;
        recentNext = (recentNext + 1) % RECENT_SIZE;
      }
    },
  };
}
