import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

// The drawer's repeating lists (任职, 家庭成员) differ only in their fields: each entry is one row
// ending in a delete button, with a dashed "add" button under the list. That part lives here once.

interface Props {
  /** The form list's field name. */
  name: string;
  /** Marks each row, for tests to find the entries. */
  rowTestId: string;
  /** The delete button's accessible name: it shows only an icon. */
  removeLabel: string;
  addLabel: string;
  /** A fresh entry; called on each click, so a default such as today's date is today's. */
  newEntry: () => object;
  /** The entry's field columns (spans up to 23: the delete button takes the last). */
  children: (index: number) => ReactNode;
  style?: CSSProperties;
}

export function RemovableRows({ name, rowTestId, removeLabel, addLabel, newEntry, children, style }: Props) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={style}>
          {fields.map(({ key, name: index }) => (
            <Row gutter={8} key={key} align="top" data-testid={rowTestId}>
              {children(index)}
              <Col span={1}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(index)}
                  aria-label={removeLabel}
                />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newEntry())} block>
            {addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
