interface EveryoneWarningProps {
  readonly everyone: boolean | null;
  readonly enterprisePercentages: number;
}

/** `everyone` decides before every other rule (DESIGN.md rule 1): say so where percentages are set. */
export function EveryoneWarning({ everyone, enterprisePercentages }: EveryoneWarningProps) {
  if (everyone === null) return null;
  const state = everyone ? 'on' : 'off';
  return (
    <div className="notice notice--warning" role="status" data-testid="everyone-warning">
      <strong>Everyone is set to {everyone ? 'Yes' : 'No'}:</strong> this flag is {state} for every request.
      The percentage
      {enterprisePercentages > 0
        ? `, the ${enterprisePercentages === 1 ? 'enterprise percentage' : `${enterprisePercentages} enterprise percentages`}`
        : ', the enterprise percentages'}{' '}
      and every other rule have no effect. Set Everyone to Unknown to let them decide.
    </div>
  );
}
