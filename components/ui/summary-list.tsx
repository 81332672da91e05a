/** Key–value rows, as in GOV.UK's summary list: a description list that stacks on a phone, with an optional action (Change). */
export function SummaryList({ rows }: { rows: { key: React.ReactNode; value: React.ReactNode; action?: React.ReactNode }[] }) {
  return (
    <dl className="mb-8 border-t border-line">
      {rows.map((row, index) => (
        <div key={index} className="border-b border-line py-3 sm:flex sm:gap-6">
          <dt className="font-semibold sm:w-1/3 sm:shrink-0">{row.key}</dt>
          <dd className="mt-1 min-w-0 grow break-words sm:mt-0">{row.value}</dd>
          {row.action ? <dd className="mt-1 sm:mt-0 sm:shrink-0">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
