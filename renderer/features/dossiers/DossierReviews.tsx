import { AuditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { DossierDto } from '../../../main/contract';
import { useAccess } from '../../app/access';
import { applyServerErrors, asApiError } from '../../components/forms';
import { useReviewChecklistQuery, useReviewDossierMutation } from './dossiersApi';

// 案卷评查: the checklist in force (default: the seven dimensions), a score per item, the total
// and its grade, reviewer, date and comments. Earlier reviews stay listed.

type Values = { reviewedOn: Dayjs; comments?: string } & Record<string, number | Dayjs | string | undefined>;

function ReviewForm({ d, onDone }: { d: DossierDto; onDone: () => void }) {
  const { data: checklist } = useReviewChecklistQuery();
  const [review, { isLoading }] = useReviewDossierMutation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const scores = Form.useWatch([], form) as Values | undefined;
  if (!checklist) return null;
  const total = checklist.items.reduce((s, i) => s + (Number(scores?.[`s_${i.key}`]) || 0), 0);
  const grade = [...checklist.grades].sort((a, b) => b.min - a.min).find((g) => total >= g.min)?.grade;
  const submit = async (v: Values) => {
    const result = await review({
      caseId: d.caseId,
      reviewedOn: v.reviewedOn.format('YYYY-MM-DD'),
      scores: Object.fromEntries(checklist.items.map((i) => [i.key, Number(v[`s_${i.key}`] ?? 0)])),
      ...(v.comments ? { comments: v.comments } : {}),
    });
    if ('error' in result) {
      const error = asApiError(result.error);
      if (!applyServerErrors(form, error)) void message.error(error.message);
      return;
    }
    void message.success(`评查完成：${total}分，${grade ?? ''}`);
    onDone();
  };
  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ span: 6 }}
      initialValues={{ reviewedOn: dayjs() }}
      onFinish={(v) => void submit(v)}
    >
      {checklist.items.map((i) => (
        <Form.Item
          key={i.key}
          name={`s_${i.key}`}
          label={`${i.label}（${i.max}分）`}
          rules={[{ required: true, message: `请为“${i.label}”打分` }]}
        >
          <InputNumber min={0} max={i.max} precision={1} aria-label={i.label} />
        </Form.Item>
      ))}
      <Form.Item label="合计">
        <Typography.Text strong data-testid="review-total">
          {total}分 {grade && <Tag color={grade === '不合格' ? 'red' : 'green'}>{grade}</Tag>}
        </Typography.Text>
      </Form.Item>
      <Form.Item name="reviewedOn" label="评查日期" rules={[{ required: true, message: '请选择评查日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="comments" label="评查意见">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 6 }}>
        <Button type="primary" htmlType="submit" loading={isLoading}>
          保存评查结果
        </Button>
      </Form.Item>
    </Form>
  );
}

export function DossierReviews({ d }: { d: DossierDto }) {
  const { can } = useAccess();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>案卷评查</Typography.Text>
        {d.reviews.length === 0 && <Tag>未评查</Tag>}
        {can('dossiers:review') && !d.keptElsewhere && (
          <Button size="small" icon={<AuditOutlined />} onClick={() => setOpen(true)}>
            评查
          </Button>
        )}
      </Space>
      {d.reviews.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.reviews}
          columns={[
            { title: '评查日期', dataIndex: 'reviewedOn', width: 110 },
            { title: '评查人', dataIndex: 'reviewerName', width: 110 },
            {
              title: '得分',
              render: (_v, r) => r.scores.map((s) => `${s.label}${s.points}/${s.max}`).join('，'),
            },
            { title: '总分', dataIndex: 'total', width: 70 },
            {
              title: '等次',
              dataIndex: 'grade',
              width: 80,
              render: (g: string) => <Tag color={g === '不合格' ? 'red' : 'green'}>{g}</Tag>,
            },
            { title: '意见', dataIndex: 'comments' },
          ]}
        />
      )}
      <Modal
        open={open}
        title={`案卷评查：${d.dossier?.volumeNumber ?? ''}`}
        footer={null}
        width={560}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ReviewForm d={d} onDone={() => setOpen(false)} />
      </Modal>
    </div>
  );
}
