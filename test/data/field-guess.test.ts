import { describe, expect, it } from 'vitest';
import { guessFields } from '../../src/data/field-guess';

describe('the owner column is recognised as CRMs export it', () => {
  const owners = [
    'Owner', 'Lead Owner', 'Opportunity Owner', 'Deal Owner', 'Contact owner', 'HubSpot Owner', 'Owning User',
    'Seller', 'Sales Rep', 'Sales Representative', 'Salesperson', 'Account Executive', 'Account Manager',
    'Assigned To', 'Assigned_Rep', 'sales_agent',
    '负责人', '线索负责人', '所属销售', '销售', '销售人员', '销售顾问', '业务员', '客户经理', '跟进人', '归属人', '跟单员',
  ];
  it.each(owners)('%s', (header) => {
    expect(guessFields(['Deal ID', header, 'Status', 'Amount'])).toMatchObject({ owner: header, lead_id: 'Deal ID', outcome: 'Status', value: 'Amount' });
  });

  it('a customer column (account, 客户) is not taken for the owner', () => {
    expect(guessFields(['opportunity_id', 'account', 'sales_agent']).owner).toBe('sales_agent');
    expect(guessFields(['线索编号', '客户名称', '负责人']).owner).toBe('负责人');
    expect(guessFields(['id', 'account', 'stage']).owner).toBeUndefined();
  });

  it('the lead owner wins over a looser spelling in the same file', () => {
    expect(guessFields(['Lead ID', 'Agent', 'Lead Owner']).owner).toBe('Lead Owner');
  });
});

describe('a unit in brackets does not hide what a column is', () => {
  it.each([['Deal value (EUR)'], ['Amount [USD]'], ['预计金额（元）']])('%s is the amount', (header) => {
    expect(guessFields(['Deal', 'Seller', header]).value).toBe(header);
  });

  it('an amount in 万元 or thousands is left for the user to map: read as it stands it would be off by thousands', () => {
    expect(guessFields(['Deal', 'Seller', '金额（万元）']).value).toBeUndefined();
    expect(guessFields(['Deal', 'Seller', 'Amount (k)']).value).toBeUndefined();
  });
});
