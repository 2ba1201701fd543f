import { Empty, Space, Table, Typography } from 'antd';
import { trainingKindLabels, trainingTargets, type MediatorDto } from '../../../main/contract';
import { SectionTitle } from './SectionTitle';
import { TrainingForm } from './TrainingForm';
import { TrainingProgress } from './TrainingProgress';

// 培训记录: progress against the targets, the log so far and a form to add to it. Shown only for
// a mediator already saved; a training is saved at once, outside the edit form.

export function TrainingLogSection({ mediator }: { mediator: MediatorDto }) {
  return (
    <>
      <SectionTitle>培训记录</SectionTitle>
      <Space align="center" size={24} style={{ marginBottom: 12 }}>
        <TrainingProgress mediator={mediator} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          岗前培训累计不少于{trainingTargets.initial}天，年度培训每年不少于{trainingTargets.continuing}
          天。登记培训即时保存，无需再点“保存”。
        </Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={mediator.trainings}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无培训记录" /> }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 120 },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 100,
            render: (k: MediatorDto['trainings'][number]['kind']) => trainingKindLabels[k],
          },
          { title: '天数', dataIndex: 'days', width: 80 },
          { title: '培训内容', dataIndex: 'topic' },
        ]}
        style={{ marginBottom: 16 }}
      />
      <TrainingForm mediator={mediator} />
    </>
  );
}
