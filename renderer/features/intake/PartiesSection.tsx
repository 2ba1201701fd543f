import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Typography } from 'antd';
import { useEffect, type ReactNode, type RefObject } from 'react';
import { newParty } from './intakeValues';
import { PartyFormCard } from './PartyFormCard';

/** Moves focus to a freshly added party's 身份 so the clerk keeps typing without the mouse. */
function focusParty(index: number) {
  window.setTimeout(() => {
    const card = document.querySelector<HTMLElement>(`[data-party-index="${index}"]`);
    card?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    card?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, 0);
}

/** The parties, any number: cards in a Form.List. `addRef` lets page shortcuts (Alt+N) add one. */
export function PartiesSection({ addRef }: { addRef: RefObject<(() => void) | null> }) {
  return (
    <Form.List name="parties">
      {(fields, { add, remove }, { errors }) => (
        <PartyList
          count={fields.length}
          addRef={addRef}
          add={() => {
            add(newParty(fields.length));
            focusParty(fields.length);
          }}
        >
          {fields.map((field, index) => (
            <PartyFormCard
              key={field.key}
              name={field.name}
              index={index}
              canRemove={fields.length > 2}
              onRemove={() => remove(field.name)}
              onAddNext={() => {
                add(newParty(fields.length));
                focusParty(fields.length);
              }}
            />
          ))}
          <Form.ErrorList errors={errors} />
        </PartyList>
      )}
    </Form.List>
  );
}

function PartyList(props: {
  count: number;
  add: () => void;
  addRef: RefObject<(() => void) | null>;
  children: ReactNode;
}) {
  const { add, addRef } = props;
  useEffect(() => {
    addRef.current = add;
  });
  return (
    <>
      {props.children}
      <Button block type="dashed" icon={<PlusOutlined />} onClick={add}>
        新增当事人
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          Alt+N
        </Typography.Text>
      </Button>
    </>
  );
}
