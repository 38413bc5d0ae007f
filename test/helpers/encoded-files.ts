import iconv from 'iconv-lite';
import { decodePieces, detectEncoding, type TextReading } from '../../electron/core/import/decode';

/**
 * The same small registration list in every encoding an organizer may bring, generated so no
 * binary fixture is committed. The names hold kanji, hiragana and a half-width kana reading, the
 * characters that tell the Japanese encodings apart.
 */
export const JAPANESE_LIST = [
  '受付番号,氏名,フリガナ,会社名,メールアドレス',
  'T-1,山田 花子,ヤマダ ハナコ,株式会社さくら,hanako@example.com',
  'T-2,髙橋 健一,ﾀｶﾊｼ ｹﾝｲﾁ,東京フード,kenichi@example.com',
  'T-3,佐藤 翼,サトウ ツバサ,みらい商事,tsubasa@example.com',
].join('\r\n');

export const ENGLISH_HEADER_LIST = ['Ticket,Name,Company,Email', 'T-1,山田花子,さくら銀行,hanako@example.com', 'T-2,佐藤翼,みらい商事,tsubasa@example.com'].join('\n');

export function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

export function eucJp(text: string): Buffer {
  return iconv.encode(text, 'euc-jp');
}

export function cp932(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}

/** A list pasted together: the header and first row in UTF-8, the rest in CP932 (line 3 differs). */
export function mixedUtf8AndCp932(): Buffer {
  const lines = JAPANESE_LIST.split('\r\n');
  return Buffer.concat([Buffer.from(`${lines.slice(0, 2).join('\r\n')}\r\n`, 'utf8'), cp932(lines.slice(2).join('\r\n'))]);
}

/** Japanese read in an encoding that does not fit: a KOI8-R file holds bytes EUC-JP and CP932 both misread. */
export function koi8(text: string): Buffer {
  return iconv.encode(text, 'koi8-r');
}

/** The whole text of a file as the importer reads it (its encoding found, then decoded a piece at a time). */
export async function decodeAll(bytes: Buffer, pieceBytes?: number): Promise<TextReading & { text: string }> {
  const reading = await detectEncoding(bytes);
  return { ...reading, text: [...decodePieces(bytes, reading.encoding, pieceBytes)].join('') };
}
