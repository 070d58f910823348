import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE } from '../../src/domain/caseParams.ts';
import { parseCaseQuery } from '../../src/domain/parseCaseQuery.ts';

function parse(query: string) {
  return parseCaseQuery(new URLSearchParams(query).entries());
}

describe('parseCaseQuery', () => {
  it('gives the default case for an empty query', () => {
    expect(parse('')).toEqual({ params: DEFAULT_CASE, step: null, t: null, origin: null, kiosk: false, issues: [] });
  });

  it('reads kiosk=1 and reports a kiosk value it does not know', () => {
    expect(parse('kiosk=1').kiosk).toBe(true);
    expect(parse('kiosk=0').kiosk).toBe(false);
    expect(parse('kiosk=yes').issues).toEqual([{ param: 'kiosk', value: 'yes', reason: 'invalid' }]);
  });

  it('reads cleft as 1/0 or true/false (the form a shared link writes), off by default', () => {
    expect(parse('').params.cleft).toBe(false);
    expect(parse('cleft=1').params.cleft).toBe(true);
    expect(parse('cleft=TRUE').params.cleft).toBe(true);
    expect(parse('cleft=false').params.cleft).toBe(false);
    expect(parse('cleft=0').issues).toEqual([]);
  });

  it('applies every valid field', () => {
    const r = parse('procedure=bkp&level=t12&grade=3&shape=crush&approach=unipedicular&viscosity=high&volume=3.5&seed=42&restoration=responder&cleft=1&view=split&mode=educator&lang=en&step=inflate&t=40');
    expect(r.issues).toEqual([]);
    expect(r.params).toEqual({
      procedure: 'bkp', level: 'T12', grade: 3, shape: 'crush', approach: 'unipedicular', viscosity: 'high',
      volume: 3.5, seed: 42, restoration: 'responder', cleft: true, view: 'split', mode: 'educator', lang: 'en', ui: 'full',
    });
    expect(r.step).toBe('inflate');
    expect(r.t).toBe(40);
  });

  it.each([
    ['procedure=surgery', 'procedure', 'invalid'],
    ['level=L9', 'level', 'invalid'],
    ['level=S1', 'level', 'invalid'],
    ['grade=7', 'grade', 'out-of-range'],
    ['grade=two', 'grade', 'invalid'],
    ['grade=2.5', 'grade', 'out-of-range'],
    ['shape=round', 'shape', 'invalid'],
    ['approach=sideways', 'approach', 'invalid'],
    ['viscosity=runny', 'viscosity', 'invalid'],
    ['restoration=full', 'restoration', 'invalid'],
    ['restoration=0.47', 'restoration', 'invalid'],
    ['cleft=maybe', 'cleft', 'invalid'],
    ['volume=lots', 'volume', 'invalid'],
    ['volume=1e3', 'volume', 'invalid'],
    ['volume=-2', 'volume', 'out-of-range'],
    ['volume=50', 'volume', 'out-of-range'],
    ['seed=-1', 'seed', 'invalid'],
    ['seed=abc', 'seed', 'invalid'],
    ['t=-5', 't', 'out-of-range'],
    ['t=soon', 't', 'invalid'],
    ['step=inflate', 'step', 'not-in-procedure'],
    ['view=xray', 'view', 'invalid'],
    ['mode=surgeon', 'mode', 'invalid'],
    ['lang=tlh', 'lang', 'invalid'],
    ['colour=red', 'colour', 'unknown-param'],
    ['ui=tiny', 'ui', 'invalid'],
    ['origin=javascript:alert(1)', 'origin', 'invalid'],
    ['origin=https://clinic.example/page', 'origin', 'invalid'],
    ['origin=ftp://clinic.example', 'origin', 'invalid'],
    ['origin=*', 'origin', 'invalid'],
  ])('%s is reported and the default kept', (query, param, reason) => {
    const r = parse(query);
    expect(r.issues).toEqual([{ param, value: query.split('=')[1], reason }]);
    expect(r.params).toEqual(DEFAULT_CASE);
    expect(r.step).toBeNull();
    expect(r.t).toBeNull();
  });

  it('reads the embedded player\'s chrome and the embedding page\'s origin', () => {
    const r = parse('ui=compact&origin=https://clinic.example:8443');
    expect(r.issues).toEqual([]);
    expect(r.params.ui).toBe('compact');
    expect(r.origin).toBe('https://clinic.example:8443');
    expect(parse('origin=http://127.0.0.1:5000/').origin).toBe('http://127.0.0.1:5000');
  });

  it('reads a t past the end as the end, without a notice (product.md)', () => {
    // Vertebroplasty's plan lasts 58 s (the transport shows 0:58).
    expect(parse('t=9999')).toMatchObject({ t: 58, issues: [] });
    expect(parse('t=58')).toMatchObject({ t: 58, issues: [] });
    expect(parse('t=57.5').t).toBe(57.5);
  });

  it('keeps good fields when others are bad', () => {
    const r = parse('procedure=bkp&grade=9&level=L3&volume=abc');
    expect(r.params.procedure).toBe('bkp');
    expect(r.params.level).toBe('L3');
    expect(r.params.grade).toBe(DEFAULT_CASE.grade);
    expect(r.issues.map((i) => i.param).sort()).toEqual(['grade', 'volume']);
  });

  it('uses the first of a repeated field and reports the rest', () => {
    const r = parse('level=L2&level=L4');
    expect(r.params.level).toBe('L2');
    expect(r.issues).toEqual([{ param: 'level', value: 'L4', reason: 'repeated' }]);
  });

  it('checks the step against the chosen procedure', () => {
    expect(parse('procedure=compare&step=deflate').step).toBe('deflate');
    expect(parse('procedure=vp&step=deflate').issues[0]?.reason).toBe('not-in-procedure');
  });
});
