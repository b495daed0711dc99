import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import Pager from './Pager.svelte';

afterEach(() => cleanup());

describe('Pager', () => {
  it('shows nothing when every row fits on one page', () => {
    const { container } = render(Pager, { props: { total: 100, size: 100 } });
    expect(container.querySelector('nav')).toBeNull();
  });

  it('says which rows are shown and moves page by page, disabling what leads nowhere', async () => {
    render(Pager, { props: { total: 10_000, size: 100, testid: 'p' } });
    expect(screen.getByTestId('p-rows').textContent?.trim()).toBe('第 1–100 条，共 10,000 条');
    const prev = screen.getByTestId('p-prev') as HTMLButtonElement;
    const next = screen.getByTestId('p-next') as HTMLButtonElement;
    expect(prev.disabled).toBe(true);
    await fireEvent.click(next);
    expect(screen.getByTestId('p-rows').textContent?.trim()).toBe('第 101–200 条，共 10,000 条');
    expect(prev.disabled).toBe(false);
    await fireEvent.click(screen.getByText('末页'));
    expect(screen.getByTestId('p-rows').textContent?.trim()).toBe('第 9,901–10,000 条，共 10,000 条');
    expect(next.disabled).toBe(true);
    expect((screen.getByTestId('p-page') as HTMLInputElement).value).toBe('100');
  });

  it('goes to a typed page, clamps a page past the end and puts back an unreadable one', async () => {
    render(Pager, { props: { total: 250, size: 100, testid: 'p' } });
    const box = screen.getByTestId('p-page') as HTMLInputElement;
    await fireEvent.change(box, { target: { value: '2' } });
    expect(screen.getByTestId('p-rows').textContent?.trim()).toBe('第 101–200 条，共 250 条');
    await fireEvent.change(box, { target: { value: '99' } });
    expect(screen.getByTestId('p-rows').textContent?.trim()).toBe('第 201–250 条，共 250 条');
    expect(box.value).toBe('3');
    await fireEvent.change(box, { target: { value: 'abc' } });
    expect(box.value).toBe('3');
  });

  it('shows a page past the end (rows filtered away) as the last page', () => {
    render(Pager, { props: { total: 150, size: 100, page: 7, testid: 'p' } });
    expect(screen.getByTestId('p-rows').textContent?.trim()).toBe('第 101–150 条，共 150 条');
  });
});
